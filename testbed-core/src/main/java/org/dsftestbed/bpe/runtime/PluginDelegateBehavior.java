package org.dsftestbed.bpe.runtime;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.bpmn.behavior.ClassDelegateActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.ServiceTaskJavaDelegateActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.FieldDeclaration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;

import org.dsftestbed.bpe.runtime.PluginDelegates.PluginBeansSource;

/** A service-task-like element's {@code camunda:class}: a new JavaDelegate bean of the plugin per execution. */
final class PluginDelegateBehavior extends ClassDelegateActivityBehavior
{
	private final PluginDelegates delegates;

	PluginDelegateBehavior(String className, List<FieldDeclaration> fieldDeclarations, PluginDelegates delegates)
	{
		super(className, fieldDeclarations);
		this.delegates = delegates;
	}

	@Override
	protected ActivityBehavior getActivityBehaviorInstance(ActivityExecution execution)
	{
		Optional<PluginBeansSource> plugin = delegates
				.plugin(((ExecutionEntity) execution).getProcessDefinition());
		if (plugin.isEmpty())
			return super.getActivityBehaviorInstance(execution);

		JavaDelegate bean = delegates.bean(plugin.get(), className, fieldDeclarations, JavaDelegate.class);
		JavaDelegate delegate = e -> PluginDelegates.withPluginClassLoader(plugin.get(), () -> bean.execute(e));
		return new ServiceTaskJavaDelegateActivityBehavior(delegate);
	}
}
