package org.dsftestbed.bpe.runtime;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.bpmn.parser.FieldDeclaration;
import org.camunda.bpm.engine.impl.cfg.BpmnParseFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.ClassDelegateUtil;
import org.dsftestbed.bpe.plugin.ProcessIdAndVersion;
import org.springframework.context.ApplicationContext;

import dev.dsf.bpe.v1.activity.DefaultUserTaskListener;

/**
 * DSF's multi-version delegate lookup for one organization's engine: which plugin a process (definition key +
 * version tag) belongs to, and a new prototype bean of a {@code camunda:class} from that plugin's Spring context,
 * with Camunda's field injection applied. So two plugin versions with delegate classes of the same name each get
 * their own class.
 * <p>
 * Register {@link #parseFactory()} with the engine ({@code EngineOptions.withBpmnParseFactory}) before the engine is
 * built; register plugins before their processes are deployed. Processes of no registered plugin run as in plain
 * Camunda.
 */
public final class PluginDelegates
{
	/** One plugin as the delegates see it. */
	public record PluginBeansSource(String pluginName, ClassLoader classLoader, ApplicationContext context)
	{
	}

	private final Map<ProcessIdAndVersion, PluginBeansSource> byProcess = new ConcurrentHashMap<>();

	public BpmnParseFactory parseFactory()
	{
		return parser -> new PluginBpmnParse(parser, this);
	}

	public void register(ProcessIdAndVersion process, PluginBeansSource plugin)
	{
		PluginBeansSource previous = byProcess.putIfAbsent(Objects.requireNonNull(process, "process"),
				Objects.requireNonNull(plugin, "plugin"));
		if (previous != null && previous != plugin)
			throw new IllegalStateException("process " + process + " already belongs to plugin "
					+ previous.pluginName());
	}

	public void unregister(ProcessIdAndVersion process)
	{
		byProcess.remove(process);
	}

	Optional<PluginBeansSource> plugin(ProcessDefinitionEntity definition)
	{
		if (definition == null || definition.getVersionTag() == null)
			return Optional.empty();
		return Optional.ofNullable(byProcess.get(new ProcessIdAndVersion(definition.getKey(), definition.getVersionTag())));
	}

	/** Whether the class, loaded by the process's plugin, is DSF's default user task listener or extends it. */
	boolean isDefaultUserTaskListener(ProcessDefinitionEntity definition, String className)
	{
		return plugin(definition).map(p ->
		{
			try
			{
				return DefaultUserTaskListener.class.isAssignableFrom(Class.forName(className, false, p.classLoader()));
			}
			catch (ClassNotFoundException | LinkageError e)
			{
				return false;
			}
		}).orElse(false);
	}

	/** A new bean of the class from the plugin's context, fields injected. */
	<T> T bean(PluginBeansSource plugin, String className, List<FieldDeclaration> fields, Class<T> expected)
	{
		Class<?> type;
		try
		{
			type = Class.forName(className, true, plugin.classLoader());
		}
		catch (ClassNotFoundException e)
		{
			throw new IllegalStateException("class " + className + " not found in plugin " + plugin.pluginName(), e);
		}
		Object bean = plugin.context().getBean(type);
		if (!expected.isInstance(bean))
			throw new IllegalStateException("bean of " + className + " in plugin " + plugin.pluginName()
					+ " is no " + expected.getName());
		ClassDelegateUtil.applyFieldDeclaration(fields, bean);
		return expected.cast(bean);
	}

	/** Runs with the plugin's class loader as the thread's context class loader. */
	static <E extends Exception> void withPluginClassLoader(PluginBeansSource plugin, ThrowingRunnable<E> action)
			throws E
	{
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(plugin.classLoader());
		try
		{
			action.run();
		}
		finally
		{
			thread.setContextClassLoader(previous);
		}
	}

	@FunctionalInterface
	interface ThrowingRunnable<E extends Exception>
	{
		void run() throws E;
	}
}
