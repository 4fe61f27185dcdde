package org.dsftestbed.bpe.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.repository.Deployment;
import org.dsftestbed.bpe.engine.EngineOptions;
import org.dsftestbed.bpe.engine.OrganizationEngine;
import org.dsftestbed.bpe.plugin.BeanCheck;
import org.dsftestbed.bpe.plugin.BpeEnvironment;
import org.dsftestbed.bpe.plugin.LoadedPlugin;
import org.dsftestbed.bpe.plugin.PluginBeans;
import org.dsftestbed.bpe.plugin.PluginLoadResult;
import org.dsftestbed.bpe.plugin.PluginProcess;
import org.dsftestbed.bpe.plugin.ProcessIdAndVersion;
import org.dsftestbed.bpe.runtime.PluginDelegates.PluginBeansSource;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import dev.dsf.bpe.v1.ProcessPluginApi;

/**
 * The plugins of one organization's BPE, running: a Spring context per plugin (parent: the single
 * {@code processPluginApi}; first DSF's default configuration, then the plugin's), the bean check, and the processes
 * registered for the engine's delegate lookup.
 *
 * <pre>{@code
 * PluginDelegates delegates = new PluginDelegates();
 * OrganizationEngine engine = engines.create(PluginRuntime.engineOptions("dic.dsf.test", delegates));
 * PluginApi api = new PluginApi(new FhirConnection(baseUrl, keyStore, password, trustStore), FhirContexts.r4());
 * PluginRuntime runtime = new PluginRuntime(engine, delegates, api, environment);
 * List<PluginLoadResult> started = runtime.start(loadedPlugins); // LoadedPlugin (maybe fewer processes) or RejectedPlugin
 * runtime.deployAll();
 * }</pre>
 */
public final class PluginRuntime implements AutoCloseable
{
	/** A started plugin: what remained after the bean check, and its context. */
	public record StartedPlugin(LoadedPlugin plugin, AnnotationConfigApplicationContext context)
	{
	}

	private final OrganizationEngine engine;
	private final PluginDelegates delegates;
	private final ProcessPluginApi api;
	private final BpeEnvironment environment;
	private final GenericApplicationContext parent;
	private final Map<String, StartedPlugin> started = new LinkedHashMap<>();

	public PluginRuntime(OrganizationEngine engine, PluginDelegates delegates, ProcessPluginApi api,
			BpeEnvironment environment)
	{
		this.engine = Objects.requireNonNull(engine, "engine");
		this.delegates = Objects.requireNonNull(delegates, "delegates");
		this.api = Objects.requireNonNull(api, "api");
		this.environment = Objects.requireNonNull(environment, "environment");

		parent = new GenericApplicationContext();
		parent.setEnvironment(environment.springEnvironment());
		parent.getBeanFactory().registerSingleton("processPluginApi", api);
		parent.refresh();
	}

	/**
	 * Engine options for an organization whose engine runs plugins: the delegate lookup as BPMN parse, Java
	 * serialization allowed for the variables {@link ExecutionVariables} stores, FHIR resources among them stored as
	 * values changed only when set again ({@link ResourceVariableSerializer}).
	 */
	public static EngineOptions engineOptions(String organizationIdentifier, PluginDelegates delegates)
	{
		return EngineOptions.forOrganization(organizationIdentifier).withBpmnParseFactory(delegates.parseFactory())
				.withVariableSerializer(new ResourceVariableSerializer())
				.withConfiguration(c -> c.setJavaSerializationFormatEnabled(true));
	}

	public ProcessPluginApi api()
	{
		return api;
	}

	/**
	 * Creates each plugin's Spring context and runs the bean check; registers the remaining processes for the delegate
	 * lookup. A plugin whose context does not start or that has no process left is rejected (its context closed).
	 */
	public synchronized List<PluginLoadResult> start(List<LoadedPlugin> plugins)
	{
		List<PluginLoadResult> results = new ArrayList<>();
		for (LoadedPlugin plugin : plugins)
			results.add(start(plugin));
		return results;
	}

	private PluginLoadResult start(LoadedPlugin plugin)
	{
		AnnotationConfigApplicationContext context;
		try
		{
			context = createContext(plugin);
		}
		catch (RuntimeException | LinkageError e)
		{
			return plugin.rejectForSpringContext(e);
		}

		PluginLoadResult checked = BeanCheck.apply(plugin, PluginBeans.of(context));
		if (!(checked instanceof LoadedPlugin remaining))
		{
			context.close();
			return checked;
		}

		PluginBeansSource source = new PluginBeansSource(remaining.source().name(), remaining.classLoader(), context);
		for (ProcessIdAndVersion process : remaining.processIds())
			delegates.register(process, source);
		started.put(remaining.source().name(), new StartedPlugin(remaining, context));
		return remaining;
	}

	private AnnotationConfigApplicationContext createContext(LoadedPlugin plugin)
	{
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		try
		{
			context.setClassLoader(plugin.classLoader());
			context.setEnvironment(environment.springEnvironment());
			context.setParent(parent);
			context.register(DefaultPluginConfiguration.class);
			plugin.values().springConfigurations().forEach(context::register);

			ClassLoader previous = Thread.currentThread().getContextClassLoader();
			Thread.currentThread().setContextClassLoader(plugin.classLoader());
			try
			{
				context.refresh();
			}
			finally
			{
				Thread.currentThread().setContextClassLoader(previous);
			}
			return context;
		}
		catch (RuntimeException | LinkageError e)
		{
			context.close();
			throw e;
		}
	}

	/** Deploys the processes of every started plugin; resource names {@code <plugin source>/<bpmn file>}. */
	public synchronized List<Deployment> deployAll()
	{
		List<Deployment> deployments = new ArrayList<>();
		for (StartedPlugin p : started.values())
			for (PluginProcess process : p.plugin().processes())
				deployments.add(engine.deploy(p.plugin().source().name() + "/" + process.bpmnFile(), process.model()));
		return deployments;
	}

	public synchronized List<StartedPlugin> startedPlugins()
	{
		return List.copyOf(started.values());
	}

	/** The Spring context of a started plugin, by its source name (the jar file name). */
	public synchronized Optional<ApplicationContext> context(String sourceName)
	{
		return Optional.ofNullable(started.get(sourceName)).map(StartedPlugin::context);
	}

	/** Closes the plugins' contexts and class loaders; processes are unregistered. */
	@Override
	public synchronized void close()
	{
		for (StartedPlugin p : started.values())
		{
			p.plugin().processIds().forEach(delegates::unregister);
			p.context().close();
			p.plugin().close();
		}
		started.clear();
		parent.close();
	}
}
