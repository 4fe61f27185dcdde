package org.dsftestbed.bpe.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
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
import org.dsftestbed.bpe.state.ProcessModel;
import org.dsftestbed.fhir.context.FhirContexts;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import dev.dsf.bpe.v1.ProcessPluginApi;

/**
 * The plugins of one organization's BPE, running: a Spring context per plugin (parent: the single
 * {@code processPluginApi}; first DSF's default configuration, then the plugin's), the bean check, the processes
 * registered for the engine's delegate lookup and the plugin's {@code TypedValueSerializer} beans for the engine's
 * variables.
 *
 * <pre>{@code
 * PluginDelegates delegates = new PluginDelegates();
 * PluginSerializers serializers = new PluginSerializers();
 * OrganizationEngine engine = engines.create(PluginRuntime.engineOptions("dic.dsf.test", delegates, serializers));
 * PluginApi api = new PluginApi(new FhirConnection(baseUrl, keyStore, password, trustStore), FhirContexts.r4());
 * PluginRuntime runtime = new PluginRuntime(engine, delegates, serializers, api, environment);
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
	private final PluginSerializers serializers;
	private final ProcessPluginApi api;
	private final BpeEnvironment environment;
	private final GenericApplicationContext parent;
	private final Map<String, StartedPlugin> started = new LinkedHashMap<>();

	/**
	 * @param delegates
	 *            and
	 * @param serializers
	 *            the ones the engine was built with ({@link #engineOptions})
	 */
	public PluginRuntime(OrganizationEngine engine, PluginDelegates delegates, PluginSerializers serializers,
			ProcessPluginApi api, BpeEnvironment environment)
	{
		this.engine = Objects.requireNonNull(engine, "engine");
		this.delegates = Objects.requireNonNull(delegates, "delegates");
		this.serializers = Objects.requireNonNull(serializers, "serializers");
		this.api = Objects.requireNonNull(api, "api");
		this.environment = Objects.requireNonNull(environment, "environment");

		parent = new GenericApplicationContext();
		parent.setEnvironment(environment.springEnvironment());
		parent.getBeanFactory().registerSingleton("processPluginApi", api);
		parent.refresh();
	}

	/**
	 * Engine options for an organization whose engine runs plugins, as DSF 1.9.0 configures its engine: the delegate
	 * lookup as BPMN parse, DSF's variable types ({@link VariableValues}) and the plugins' serializers as fallback. Java
	 * serialization of variables stays off (Camunda's default, as in DSF).
	 */
	public static EngineOptions engineOptions(String organizationIdentifier, PluginDelegates delegates,
			PluginSerializers serializers)
	{
		EngineOptions options = EngineOptions.forOrganization(organizationIdentifier)
				.withBpmnParseFactory(delegates.parseFactory()).withFallbackSerializerFactory(serializers);
		VariableValues.serializers(FhirContexts.r4()).forEach(options::withVariableSerializer);
		return options;
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
		serializers.register(remaining.source().name(),
				context.getBeansOfType(TypedValueSerializer.class).values().stream().distinct().toList());
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

	/**
	 * The BPMN models of every started plugin, as the BPE deploys them: resource names {@code <plugin source>/<bpmn
	 * file>}, draft as the plugin.
	 */
	public synchronized List<ProcessModel> processModels()
	{
		List<ProcessModel> models = new ArrayList<>();
		for (StartedPlugin p : started.values())
			for (PluginProcess process : p.plugin().processes())
				models.add(new ProcessModel(process.id(), p.plugin().source().name() + "/" + process.bpmnFile(),
						process.model(), p.plugin().draft()));
		return models;
	}

	/**
	 * Deploys the {@linkplain #processModels() processes of every started plugin}, all active: without process states
	 * (the BPE deploys through {@code BpmnDeployment}).
	 */
	public synchronized List<Deployment> deployAll()
	{
		return processModels().stream().map(m -> engine.deploy(m.resourceName(), m.model())).toList();
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
			serializers.unregister(p.plugin().source().name());
			p.context().close();
			p.plugin().close();
		}
		started.clear();
		parent.close();
	}
}
