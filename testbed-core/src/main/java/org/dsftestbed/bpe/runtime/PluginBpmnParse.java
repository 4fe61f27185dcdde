package org.dsftestbed.bpe.runtime;

import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.ClassDelegateActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.bpmn.parser.FieldDeclaration;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

import dev.dsf.bpe.v1.activity.DefaultUserTaskListener;

/**
 * Camunda's BPMN parse with DSF's changes: every {@code camunda:class} of service-task-like elements (service and send
 * tasks, message throw and end events), task listeners and execution listeners becomes a delegate looked up per
 * execution in the Spring context of the process's plugin; user tasks without a create listener that is (or extends)
 * DSF's {@link DefaultUserTaskListener} get that listener.
 */
final class PluginBpmnParse extends BpmnParse
{
	private final PluginDelegates delegates;

	PluginBpmnParse(BpmnParser parser, PluginDelegates delegates)
	{
		super(parser);
		this.delegates = delegates;
	}

	@Override
	public void parseServiceTaskLike(ActivityImpl activity, String elementName, Element serviceTaskElement,
			Element camundaPropertiesElement, ScopeImpl scope)
	{
		super.parseServiceTaskLike(activity, elementName, serviceTaskElement, camundaPropertiesElement, scope);

		if (activity.getActivityBehavior() instanceof ClassDelegateActivityBehavior)
		{
			String className = serviceTaskElement.attributeNS(CAMUNDA_BPMN_EXTENSIONS_NS,
					PROPERTYNAME_CLASS);
			List<FieldDeclaration> fields = parseFieldDeclarations(serviceTaskElement);
			activity.setActivityBehavior(new PluginDelegateBehavior(className, fields, delegates));
		}
	}

	@Override
	protected void parseTaskListeners(Element userTaskElement, ActivityImpl activity, TaskDefinition taskDefinition)
	{
		super.parseTaskListeners(userTaskElement, activity, taskDefinition);

		if (!(activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition)
				|| delegates.plugin(definition).isEmpty())
			return;

		boolean hasDefault = taskDefinition.getTaskListeners().getOrDefault(TaskListener.EVENTNAME_CREATE, List.of()).stream()
				.filter(l -> l instanceof PluginTaskListener).map(l -> ((PluginTaskListener) l).getClassName())
				.anyMatch(c -> delegates.isDefaultUserTaskListener(definition, c));
		if (!hasDefault)
			taskDefinition.addTaskListener(TaskListener.EVENTNAME_CREATE,
					new PluginTaskListener(DefaultUserTaskListener.class.getName(),
							parseFieldDeclarations(userTaskElement), delegates));
	}

	@Override
	protected TaskListener parseTaskListener(Element taskListenerElement, String taskElementId)
	{
		String className = taskListenerElement.attribute(PROPERTYNAME_CLASS);
		if (className == null)
			return super.parseTaskListener(taskListenerElement, taskElementId);
		return new PluginTaskListener(className, parseFieldDeclarations(taskListenerElement), delegates);
	}

	@Override
	public ExecutionListener parseExecutionListener(Element executionListenerElement, String ancestorElementId)
	{
		String className = executionListenerElement.attribute(PROPERTYNAME_CLASS);
		if (className == null)
			return super.parseExecutionListener(executionListenerElement, ancestorElementId);
		return new PluginExecutionListener(className, parseFieldDeclarations(executionListenerElement), delegates);
	}
}
