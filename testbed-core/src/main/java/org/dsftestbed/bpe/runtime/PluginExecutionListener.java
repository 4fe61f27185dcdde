package org.dsftestbed.bpe.runtime;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.listener.ClassDelegateExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.FieldDeclaration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

import org.dsftestbed.bpe.runtime.PluginDelegates.PluginBeansSource;

/** An execution listener's {@code camunda:class}: a new bean of the plugin per notification. */
final class PluginExecutionListener extends ClassDelegateExecutionListener
{
	private final PluginDelegates delegates;

	PluginExecutionListener(String className, List<FieldDeclaration> fieldDeclarations, PluginDelegates delegates)
	{
		super(className, fieldDeclarations);
		this.delegates = delegates;
	}

	@Override
	public void notify(DelegateExecution execution) throws Exception
	{
		Optional<PluginBeansSource> plugin = delegates.plugin(((ExecutionEntity) execution).getProcessDefinition());
		if (plugin.isEmpty())
		{
			super.notify(execution);
			return;
		}
		ExecutionListener listener = delegates.bean(plugin.get(), className, fieldDeclarations,
				ExecutionListener.class);
		PluginDelegates.withPluginClassLoader(plugin.get(), () -> listener.notify(execution));
	}
}
