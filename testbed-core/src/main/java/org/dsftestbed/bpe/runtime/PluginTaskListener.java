package org.dsftestbed.bpe.runtime;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.FieldDeclaration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.task.listener.ClassDelegateTaskListener;

import org.dsftestbed.bpe.runtime.PluginDelegates.PluginBeansSource;

/** A task listener's {@code camunda:class}: a new bean of the plugin per notification. */
final class PluginTaskListener extends ClassDelegateTaskListener
{
	private final PluginDelegates delegates;

	PluginTaskListener(String className, List<FieldDeclaration> fieldDeclarations, PluginDelegates delegates)
	{
		super(className, fieldDeclarations);
		this.delegates = delegates;
	}

	@Override
	public void notify(DelegateTask task)
	{
		Optional<PluginBeansSource> plugin = delegates
				.plugin(((ExecutionEntity) task.getExecution()).getProcessDefinition());
		if (plugin.isEmpty())
		{
			super.notify(task);
			return;
		}
		TaskListener listener = delegates.bean(plugin.get(), className, fieldDeclarations, TaskListener.class);
		PluginDelegates.<RuntimeException> withPluginClassLoader(plugin.get(), () -> listener.notify(task));
	}
}
