package org.dsftestbed.bpe;

import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.dsftestbed.bpe.engine.OrganizationEngine;
import org.dsftestbed.bpe.fhir.BpeFhir;
import org.dsftestbed.bpe.fhir.FhirResourceDeployment;
import org.dsftestbed.bpe.plugin.BpeEnvironment;
import org.dsftestbed.bpe.plugin.LoadedPlugin;
import org.dsftestbed.bpe.plugin.PluginLoadResult;
import org.dsftestbed.bpe.plugin.PluginLoader;
import org.dsftestbed.bpe.plugin.ProcessIdAndVersion;
import org.dsftestbed.bpe.plugin.RejectedPlugin;
import org.dsftestbed.bpe.runtime.FhirConnection;
import org.dsftestbed.bpe.runtime.PluginApi;
import org.dsftestbed.bpe.runtime.PluginDelegates;
import org.dsftestbed.bpe.runtime.PluginRuntime;
import org.dsftestbed.bpe.runtime.PluginSerializers;
import org.dsftestbed.bpe.runtime.ProxySettings;
import org.dsftestbed.bpe.state.BpeDatabase;
import org.dsftestbed.bpe.state.BpmnDeployment;
import org.dsftestbed.bpe.state.ProcessStateChange;
import org.dsftestbed.bpe.state.ProcessStateSettings;
import org.dsftestbed.fhir.context.FhirContexts;
import org.dsftestbed.pki.KeyStores;
import org.dsftestbed.pki.TlsContexts;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dsf.bpe.v1.ProcessPluginDeploymentStateListener;
import dev.dsf.fhir.client.FhirWebserviceClient;

/**
 * One organization's embedded DSF 1.9.0 BPE: plugin loader, plugin runtime, Camunda engine and FHIR side wired in
 * DSF's start-up order (spec §5.1):
 * <ol>
 * <li>engine of the organization created in the network's {@code NetworkEngines} on the {@link BpeDatabase}'s engine
 * database (delegate lookup, Task listeners, DSF's variable types, the plugins' serializers), local organization
 * checked through its Endpoint (DSF step 1);</li>
 * <li>plugins loaded and checked ({@link PluginLoader#loadAll}, duplicates dropped);</li>
 * <li>a Spring context per plugin and the bean check ({@link PluginRuntime#start});</li>
 * <li>BPMN deployed and every process's state decided against the states the database recorded: ACTIVE, DRAFT,
 * RETIRED or EXCLUDED, Camunda definitions suspended or activated ({@link BpmnDeployment});</li>
 * <li>FHIR resources uploaded in one batch under the organization's client certificate and recorded
 * ({@link BpeFhir#deployResources}); the plugins' {@code ProcessPluginDeploymentStateListener} beans called with their
 * ACTIVE and DRAFT process ids;</li>
 * <li>job execution started;</li>
 * <li>Task and QuestionnaireResponse subscriptions connected ({@link BpeFhir#connect}).</li>
 * </ol>
 * Tasks and QuestionnaireResponses are stored as process variables with {@link FhirValueTasks}, the codec the
 * plugin API's {@code Variables} reads. {@link #close()} releases subscriptions, plugins (contexts, class loaders) and
 * the engine; the database stays with the caller if the configuration gave one. A failure during start releases what
 * was built and is rethrown.
 */
public final class OrganizationBpe implements AutoCloseable
{
	private static final Logger logger = LoggerFactory.getLogger(OrganizationBpe.class);

	/** How long one start-up step took. */
	public record StartStep(String name, Duration duration)
	{
		@Override
		public String toString()
		{
			return name + " " + duration.toMillis() + " ms";
		}
	}

	/**
	 * Loaded (possibly with fewer processes) and rejected plugins, every process's state change, the resource requests
	 * sent, how long start-up took and how long each step of it.
	 */
	public record StartReport(String organizationIdentifier, List<LoadedPlugin> loaded, List<RejectedPlugin> rejected,
			List<ProcessStateChange> processStates, List<FhirResourceDeployment.Outcome> resources,
			Duration startDuration, List<StartStep> steps)
	{
		/** The state change of one process, if the engine knows the process. */
		public Optional<ProcessStateChange> processState(ProcessIdAndVersion process)
		{
			return processStates.stream().filter(c -> c.process().equals(process)).findFirst();
		}

		@Override
		public String toString()
		{
			StringBuilder b = new StringBuilder("BPE ").append(organizationIdentifier).append(" started in ")
					.append(startDuration.toMillis()).append(" ms (")
					.append(steps.stream().map(StartStep::toString).collect(Collectors.joining(", "))).append(")");
			loaded.forEach(p -> b.append("\n  ").append(p.outcome()));
			rejected.forEach(p -> b.append("\n  ").append(p.outcome()));
			processStates.forEach(c -> b.append("\n  process ").append(c));
			return b.toString();
		}
	}

	/** Measures consecutive start-up steps. */
	private static final class StepClock
	{
		private final List<StartStep> steps = new ArrayList<>();
		private long last = System.nanoTime();

		void done(String step)
		{
			long now = System.nanoTime();
			steps.add(new StartStep(step, Duration.ofNanos(now - last)));
			last = now;
		}
	}

	private final OrganizationBpeConfig config;
	private final OrganizationEngine engine;
	private final PluginRuntime runtime;
	private final BpeFhir fhir;
	private final PluginApi api;
	private final BpeDatabase ownDatabase;
	private StartReport report;

	private OrganizationBpe(OrganizationBpeConfig config, OrganizationEngine engine, PluginRuntime runtime,
			BpeFhir fhir, PluginApi api, BpeDatabase ownDatabase)
	{
		this.config = config;
		this.engine = engine;
		this.runtime = runtime;
		this.fhir = fhir;
		this.api = api;
		this.ownDatabase = ownDatabase;
	}

	/**
	 * Starts the BPE; returns once plugins are deployed and both subscriptions are bound.
	 *
	 * @throws IllegalArgumentException
	 *             if {@code DEV_DSF_BPE_PROCESS_EXCLUDED} or {@code DEV_DSF_BPE_PROCESS_RETIRED} has an item that is
	 *             not {@code id|version}
	 * @throws IllegalStateException
	 *             if the FHIR server is not the organization's, or the database is in use by a running BPE
	 */
	public static OrganizationBpe start(OrganizationBpeConfig config) throws Exception
	{
		Objects.requireNonNull(config, "config");
		long startNanos = System.nanoTime();
		StepClock clock = new StepClock();

		// DSF reads these lists when its Spring configuration starts, before anything else
		ProcessStateSettings stateSettings = ProcessStateSettings
				.from(new BpeEnvironment(config.organizationIdentifier(), config.environment()));

		char[] password = "password".toCharArray();
		KeyStore keyStore = KeyStores.keyStore(config.clientCertificate(), "client", password);
		KeyStore trustStore = KeyStores.trustStore(config.trustedCas(), KeyStores.Format.PKCS12);
		SSLContext sslContext = TlsContexts.create(config.clientCertificate(), config.trustedCas());
		PluginApi api = new PluginApi(new FhirConnection(config.fhirBaseUrl(), keyStore, password, trustStore),
				FhirContexts.r4(),
				ProxySettings.from(new BpeEnvironment(null, config.environment()).springEnvironment()));
		FhirWebserviceClient localClient = api.getFhirWebserviceClientProvider().getLocalWebserviceClient();
		clock.done("clients");

		BpeDatabase ownDatabase = config.database() == null ? BpeDatabase.inMemory(config.organizationIdentifier())
				: null;
		BpeDatabase database = ownDatabase != null ? ownDatabase : config.database();

		PluginDelegates delegates = new PluginDelegates();
		PluginSerializers serializers = new PluginSerializers();
		BpeFhir fhir = new BpeFhir(config.fhirBaseUrl(), localClient, sslContext, FhirValueTasks.INSTANCE,
				FhirValueTasks::questionnaireResponse);
		OrganizationEngine engine;
		try
		{
			engine = config.engines().create(fhir.install(PluginRuntime
					.engineOptions(config.organizationIdentifier(), delegates, serializers)
					.withDatabase(database.engineDatabase())));
		}
		catch (RuntimeException | Error e)
		{
			if (ownDatabase != null)
				ownDatabase.close();
			throw e;
		}
		clock.done("engine");

		PluginRuntime runtime = null;
		OrganizationBpe bpe = null;
		try
		{
			// (1) local organization, as DSF finds it: the active Endpoint with the BPE's FHIR base URL as address
			String local = api.getOrganizationProvider().getLocalOrganizationIdentifierValue()
					.orElseThrow(() -> new IllegalStateException("No local organization found at "
							+ config.fhirBaseUrl() + " (no active Endpoint with that address and organization)"));
			if (!local.equals(config.organizationIdentifier()))
				throw new IllegalStateException("FHIR server " + config.fhirBaseUrl() + " belongs to " + local
						+ ", not to " + config.organizationIdentifier());
			clock.done("local organization");

			BpeEnvironment environment = new BpeEnvironment(local, config.environment());
			runtime = new PluginRuntime(engine, delegates, serializers, api, environment);
			bpe = new OrganizationBpe(config, engine, runtime, fhir, api, ownDatabase);

			// (2) load and check, (3) Spring contexts and bean check
			List<PluginLoadResult> loadResults = new PluginLoader(environment).loadAll(config.plugins());
			clock.done("plugins loaded");
			List<LoadedPlugin> toStart = loadResults.stream().filter(LoadedPlugin.class::isInstance)
					.map(LoadedPlugin.class::cast).toList();
			List<PluginLoadResult> started = runtime.start(toStart);
			clock.done("spring contexts");

			List<LoadedPlugin> loaded = new ArrayList<>();
			List<RejectedPlugin> rejected = new ArrayList<>();
			loadResults.stream().filter(RejectedPlugin.class::isInstance).map(RejectedPlugin.class::cast)
					.forEach(rejected::add);
			for (PluginLoadResult r : started)
				if (r instanceof LoadedPlugin p)
					loaded.add(p);
				else
					rejected.add((RejectedPlugin) r);

			// (4) BPMN deployed, states decided, definitions suspended or activated
			List<ProcessStateChange> changes = new BpmnDeployment(engine, database, stateSettings)
					.deploySuspendOrActivate(runtime.processModels());
			clock.done("bpmn deployed");

			// (5) FHIR resources, one batch
			Map<ProcessIdAndVersion, List<Resource>> pluginResources = new HashMap<>();
			loaded.forEach(p -> pluginResources.putAll(p.fhirResources()));
			List<FhirResourceDeployment.Outcome> outcomes = fhir.deployResources(changes, pluginResources, database);
			clock.done("fhir resources");

			// (5b) the plugins' deployment state listeners, with the ids of their ACTIVE and DRAFT processes
			notifyDeploymentStateListeners(runtime, changes);
			clock.done("deployment state listeners");

			// (6) job execution, (7) subscriptions
			engine.startJobExecution();
			Set<ProcessIdAndVersion> processes = loaded.stream().flatMap(p -> p.processIds().stream())
					.collect(Collectors.toSet());
			fhir.connect(engine, (ProcessDefinition d) -> processes
					.contains(new ProcessIdAndVersion(d.getKey(), d.getVersionTag())), config.subscriptionTimeout());
			clock.done("subscriptions");

			bpe.report = new StartReport(local, List.copyOf(loaded), List.copyOf(rejected), List.copyOf(changes),
					outcomes, Duration.ofNanos(System.nanoTime() - startNanos), List.copyOf(clock.steps));
			logger.info("{}", bpe.report);
			return bpe;
		}
		catch (Exception | Error e)
		{
			if (bpe != null)
				bpe.close();
			else
			{
				if (runtime != null)
					runtime.close();
				fhir.close();
				engine.close();
				if (ownDatabase != null)
					ownDatabase.close();
			}
			throw e;
		}
	}

	private static void notifyDeploymentStateListeners(PluginRuntime runtime, List<ProcessStateChange> changes)
	{
		Set<ProcessIdAndVersion> deployed = changes.stream().filter(ProcessStateChange::deployed)
				.map(ProcessStateChange::process).collect(Collectors.toSet());
		for (PluginRuntime.StartedPlugin plugin : runtime.startedPlugins())
		{
			List<String> active = plugin.plugin().processIds().stream().filter(deployed::contains)
					.map(ProcessIdAndVersion::id).toList();
			plugin.context().getBeansOfType(ProcessPluginDeploymentStateListener.class).values().forEach(l ->
			{
				try
				{
					l.onProcessesDeployed(active);
				}
				catch (RuntimeException e)
				{
					logger.warn("Error while executing {} bean of type {}: {} - {}", plugin.plugin().name(),
							l.getClass().getName(), e.getClass().getName(), e.getMessage());
				}
			});
		}
	}

	public String organizationIdentifier()
	{
		return config.organizationIdentifier();
	}

	public StartReport report()
	{
		return report;
	}

	/** Time from {@link #start} to plugins deployed and subscriptions bound. */
	public Duration startDuration()
	{
		return report.startDuration();
	}

	public OrganizationEngine engine()
	{
		return engine;
	}

	public PluginRuntime runtime()
	{
		return runtime;
	}

	public PluginApi api()
	{
		return api;
	}

	/**
	 * The BPE stops taking Tasks and QuestionnaireResponses: its websocket subscriptions are closed. Its engine keeps
	 * running (timers fire, messages are sent); Tasks arriving at its FHIR server stay {@code requested}.
	 */
	public void pause()
	{
		fhir.pause();
	}

	/**
	 * Reconnects the subscriptions with DSF's catch-up search, so Tasks that arrived while paused are handled now;
	 * returns once both websockets are bound again.
	 */
	public void resume() throws Exception
	{
		fhir.resume(config.subscriptionTimeout());
	}

	/** Subscriptions first (no new Tasks), then plugins, then the engine. */
	@Override
	public void close()
	{
		try
		{
			fhir.close();
		}
		finally
		{
			try
			{
				runtime.close();
			}
			finally
			{
				try
				{
					engine.close();
				}
				finally
				{
					if (ownDatabase != null)
						ownDatabase.close();
				}
			}
		}
	}
}
