package org.dsftestbed.bpe;

import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.dsftestbed.bpe.engine.OrganizationEngine;
import org.dsftestbed.bpe.fhir.BpeFhir;
import org.dsftestbed.bpe.fhir.FhirResourceDeployment;
import org.dsftestbed.bpe.fhir.ProcessResources;
import org.dsftestbed.bpe.fhir.ProcessState;
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
 * <li>engine of the organization created in the network's {@code NetworkEngines} (delegate lookup, Task listeners,
 * Java-serialized variables), local organization checked through its Endpoint (DSF step 1);</li>
 * <li>plugins loaded and checked ({@link PluginLoader#loadAll}, duplicates dropped);</li>
 * <li>a Spring context per plugin and the bean check ({@link PluginRuntime#start});</li>
 * <li>BPMN deployed; every process ACTIVE (draft plugins: their resources DRAFT — no persisted states yet, so every
 * process is NEW → ACTIVE/DRAFT on every start);</li>
 * <li>FHIR resources uploaded in one batch under the organization's client certificate
 * ({@link BpeFhir#deployResources}); the plugins' {@code ProcessPluginDeploymentStateListener} beans called with their
 * process ids;</li>
 * <li>job execution started;</li>
 * <li>Task and QuestionnaireResponse subscriptions connected ({@link BpeFhir#connect}).</li>
 * </ol>
 * Tasks and QuestionnaireResponses are stored as process variables with {@link JavaSerializedTasks}, the codec the
 * plugin API's {@code Variables} reads. {@link #close()} releases subscriptions, plugins (contexts, class loaders) and
 * the engine. A failure during start releases what was built and is rethrown.
 */
public final class OrganizationBpe implements AutoCloseable
{
	private static final Logger logger = LoggerFactory.getLogger(OrganizationBpe.class);

	/** Loaded (possibly with fewer processes) and rejected plugins, and how long start-up took. */
	public record StartReport(String organizationIdentifier, List<LoadedPlugin> loaded, List<RejectedPlugin> rejected,
			List<FhirResourceDeployment.Outcome> resources, Duration startDuration)
	{
		@Override
		public String toString()
		{
			StringBuilder b = new StringBuilder("BPE ").append(organizationIdentifier).append(" started in ")
					.append(startDuration.toMillis()).append(" ms");
			loaded.forEach(p -> b.append("\n  ").append(p.outcome()));
			rejected.forEach(p -> b.append("\n  ").append(p.outcome()));
			return b.toString();
		}
	}

	private final OrganizationBpeConfig config;
	private final OrganizationEngine engine;
	private final PluginRuntime runtime;
	private final BpeFhir fhir;
	private final PluginApi api;
	private StartReport report;

	private OrganizationBpe(OrganizationBpeConfig config, OrganizationEngine engine, PluginRuntime runtime,
			BpeFhir fhir, PluginApi api)
	{
		this.config = config;
		this.engine = engine;
		this.runtime = runtime;
		this.fhir = fhir;
		this.api = api;
	}

	/** Starts the BPE; returns once plugins are deployed and both subscriptions are bound. */
	public static OrganizationBpe start(OrganizationBpeConfig config) throws Exception
	{
		Objects.requireNonNull(config, "config");
		long startNanos = System.nanoTime();

		char[] password = "password".toCharArray();
		KeyStore keyStore = KeyStores.keyStore(config.clientCertificate(), "client", password);
		KeyStore trustStore = KeyStores.trustStore(config.trustedCas(), KeyStores.Format.PKCS12);
		SSLContext sslContext = TlsContexts.create(config.clientCertificate(), config.trustedCas());
		PluginApi api = new PluginApi(new FhirConnection(config.fhirBaseUrl(), keyStore, password, trustStore),
				FhirContexts.r4());
		FhirWebserviceClient localClient = api.getFhirWebserviceClientProvider().getLocalWebserviceClient();

		PluginDelegates delegates = new PluginDelegates();
		BpeFhir fhir = new BpeFhir(config.fhirBaseUrl(), localClient, sslContext, JavaSerializedTasks.INSTANCE,
				JavaSerializedTasks::questionnaireResponse);
		OrganizationEngine engine = config.engines()
				.create(fhir.install(PluginRuntime.engineOptions(config.organizationIdentifier(), delegates)));

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

			BpeEnvironment environment = new BpeEnvironment(local, config.environment());
			runtime = new PluginRuntime(engine, delegates, api, environment);
			bpe = new OrganizationBpe(config, engine, runtime, fhir, api);

			// (2) load and check, (3) Spring contexts and bean check
			List<PluginLoadResult> loadResults = new PluginLoader(environment).loadAll(config.plugins());
			List<LoadedPlugin> toStart = loadResults.stream().filter(LoadedPlugin.class::isInstance)
					.map(LoadedPlugin.class::cast).toList();
			List<PluginLoadResult> started = runtime.start(toStart);

			List<LoadedPlugin> loaded = new ArrayList<>();
			List<RejectedPlugin> rejected = new ArrayList<>();
			loadResults.stream().filter(RejectedPlugin.class::isInstance).map(RejectedPlugin.class::cast)
					.forEach(rejected::add);
			for (PluginLoadResult r : started)
				if (r instanceof LoadedPlugin p)
					loaded.add(p);
				else
					rejected.add((RejectedPlugin) r);

			// (4) BPMN: all deployments stay active (Camunda's default); states only steer the FHIR resources for now
			runtime.deployAll();

			// (5) FHIR resources, one batch
			List<ProcessResources> changes = new ArrayList<>();
			for (LoadedPlugin plugin : loaded)
			{
				ProcessState state = plugin.draft() ? ProcessState.DRAFT : ProcessState.ACTIVE;
				for (Map.Entry<ProcessIdAndVersion, List<Resource>> e : plugin.fhirResources().entrySet())
					changes.add(new ProcessResources(e.getKey(), ProcessState.NEW, state, e.getValue()));
			}
			List<FhirResourceDeployment.Outcome> outcomes = changes.isEmpty() ? List.of()
					: fhir.deployResources(changes);

			// (5b) the plugins' deployment state listeners, with the ids of their active processes
			notifyDeploymentStateListeners(runtime);

			// (6) job execution, (7) subscriptions
			engine.startJobExecution();
			Set<ProcessIdAndVersion> processes = loaded.stream().flatMap(p -> p.processIds().stream())
					.collect(Collectors.toSet());
			fhir.connect(engine, (ProcessDefinition d) -> processes
					.contains(new ProcessIdAndVersion(d.getKey(), d.getVersionTag())), config.subscriptionTimeout());

			bpe.report = new StartReport(local, List.copyOf(loaded), List.copyOf(rejected), outcomes,
					Duration.ofNanos(System.nanoTime() - startNanos));
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
			}
			throw e;
		}
	}

	private static void notifyDeploymentStateListeners(PluginRuntime runtime)
	{
		for (PluginRuntime.StartedPlugin plugin : runtime.startedPlugins())
		{
			List<String> active = plugin.plugin().processIds().stream().map(ProcessIdAndVersion::id).distinct()
					.toList();
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
				engine.close();
			}
		}
	}
}
