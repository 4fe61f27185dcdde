package org.dsftestbed.bpe.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dsf.fhir.client.FhirWebserviceClient;

/**
 * The execution listeners DSF's BPE adds to every parsed model (spec §5.6), installed with
 * {@code EngineOptions.withBpmnParseListener(new TaskListeners(client, codec))}:
 * <ul>
 * <li>message start event, start: the received Task ({@link TaskHandler#TASK_VARIABLE}) becomes the start Task
 * ({@value #START_TASK});</li>
 * <li>intermediate message catch event and receive task, end: the received Task is appended to the Tasks of the
 * parent activity instance ({@value #TASKS_PREFIX}{@code <parentActivityInstanceId>});</li>
 * <li>every end event, end: the current Tasks (start Task only at top level, plus the scope's received Tasks) still
 * in-progress are set completed and PUT (Prefer minimal), newest first; the scope's list is dropped.</li>
 * </ul>
 */
public final class TaskListeners extends AbstractBpmnParseListener
{
	private static final Logger logger = LoggerFactory.getLogger(TaskListeners.class);

	public static final String START_TASK = "dev.dsf.bpe.variables.VariablesImpl.startTask";
	public static final String TASKS_PREFIX = "dev.dsf.bpe.variables.VariablesImpl.tasks.";

	private final FhirWebserviceClient localClient;
	private final TaskVariableCodec codec;

	public TaskListeners(FhirWebserviceClient localClient, TaskVariableCodec codec)
	{
		this.localClient = Objects.requireNonNull(localClient, "localClient");
		this.codec = Objects.requireNonNull(codec, "codec");
	}

	@Override
	public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity)
	{
		if (element.element("messageEventDefinition") != null)
			activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) this::onMessageStart);
	}

	@Override
	public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity)
	{
		if (element.element("messageEventDefinition") != null)
			activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) this::onMessageReceived);
	}

	@Override
	public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity)
	{
		activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) this::onMessageReceived);
	}

	@Override
	public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity)
	{
		activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) this::onEnd);
	}

	private void onMessageStart(DelegateExecution execution)
	{
		TypedValue task = execution.getVariableTyped(TaskHandler.TASK_VARIABLE);
		if (task == null)
			return;
		execution.getProcessInstance().setVariable(START_TASK, task);
		execution.getProcessInstance().removeVariable(TaskHandler.TASK_VARIABLE);
	}

	private void onMessageReceived(DelegateExecution execution)
	{
		Object value = execution.getVariable(TaskHandler.TASK_VARIABLE);
		if (value == null)
			return;
		Task task = codec.fromVariable(value);
		String name = TASKS_PREFIX + execution.getParentActivityInstanceId();
		List<Task> tasks = new ArrayList<>(codec.fromListVariable(execution.getVariable(name)));
		tasks.removeIf(t -> t.getIdElement().getIdPart().equals(task.getIdElement().getIdPart()));
		tasks.add(task);
		execution.getProcessInstance().setVariable(name, codec.toListVariable(tasks));
		execution.getProcessInstance().removeVariable(TaskHandler.TASK_VARIABLE);
	}

	private void onEnd(DelegateExecution execution)
	{
		String scopeName = TASKS_PREFIX + execution.getParentActivityInstanceId();
		List<Task> received = codec.fromListVariable(execution.getVariable(scopeName));
		boolean topLevel = Objects.equals(execution.getParentActivityInstanceId(), execution.getProcessInstanceId());

		for (int i = received.size() - 1; i >= 0; i--)
			completeIfInProgress(received.get(i));

		if (topLevel)
		{
			Object value = execution.getVariable(START_TASK);
			if (value != null)
			{
				Task start = codec.fromVariable(value);
				if (completeIfInProgress(start))
					execution.getProcessInstance().setVariable(START_TASK, codec.toVariable(start));
			}
		}

		if (!received.isEmpty())
			execution.getProcessInstance().removeVariable(scopeName);
	}

	private boolean completeIfInProgress(Task task)
	{
		if (task.getStatus() != TaskStatus.INPROGRESS)
			return false;
		task.setStatus(TaskStatus.COMPLETED);
		try
		{
			localClient.withMinimalReturn().update(task);
		}
		catch (Exception e)
		{
			logger.error("Unable to update Task {}: {} - {}", task.getIdElement().toVersionless().getValue(),
					e.getClass().getName(), e.getMessage());
		}
		return true;
	}
}
