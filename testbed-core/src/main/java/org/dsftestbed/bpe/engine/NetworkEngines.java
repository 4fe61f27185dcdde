package org.dsftestbed.bpe.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.dsftestbed.time.NetworkClock;

/**
 * The Camunda process engines of one simulated network, one per organization, sharing the network's clock and one job
 * executor.
 *
 * <pre>{@code
 * try (NetworkEngines engines = NetworkEngines.create("tutorial", clock))
 * {
 * 	OrganizationEngine dic = engines.create(EngineOptions.forOrganization("dic.dsf.test"));
 * 	dic.deploy("ping.bpmn", model);
 * 	dic.startJobExecution();
 * 	clock.advance(Duration.ofMinutes(5)); // due timers of all engines fire
 * }
 * }</pre>
 *
 * Every engine is configured as DSF 1.9.0's BPE configures its engine, as far as process plugins can tell: history
 * level {@code audit} (Camunda's default, which DSF keeps), {@link StrongUuidGenerator} ids, the job executor started
 * only on request after deployment, and BPMN parse listeners, variable serializers and a BPMN parse factory from
 * {@link EngineOptions}. Each has its own in-memory H2 database, dropped on close unless it was given as an
 * {@link EngineDatabase} that outlives the engine. Metrics reporting is off (DSF keeps
 * Camunda's default, which runs one reporter thread per engine and is invisible to plugins).
 * <p>
 * Camunda's clock is one per JVM; creating engines binds it to {@code clock} until {@link #close()}. A second network in
 * the same JVM must use the same {@link NetworkClock} or wait for this one to close (see {@link CamundaClock}).
 */
public final class NetworkEngines implements AutoCloseable
{
	private final String networkName;
	private final NetworkClock clock;
	private final NetworkJobExecutor jobExecutor;
	private final NetworkClock.Registration clockRegistration;
	private final Map<String, OrganizationEngine> engines = new HashMap<>();
	private boolean closed;

	private NetworkEngines(String networkName, NetworkClock clock, JobExecutorSettings settings)
	{
		this.networkName = networkName;
		this.clock = clock;
		this.jobExecutor = new NetworkJobExecutor("bpe-jobs[" + networkName + "]", settings);

		CamundaClock.bind(clock);
		clockRegistration = clock.onAdvance(amount ->
		{
			// Camunda must see the new time before acquisition looks for due jobs
			CamundaClock.follow(clock);
			jobExecutor.wakeUp();
		});
	}

	/** Engines for the network {@code networkName} (used in thread names), with {@link JobExecutorSettings#defaults()}. */
	public static NetworkEngines create(String networkName, NetworkClock clock)
	{
		return create(networkName, clock, JobExecutorSettings.defaults());
	}

	/**
	 * @throws IllegalStateException
	 *             if another network's clock drives Camunda's clock in this JVM
	 */
	public static NetworkEngines create(String networkName, NetworkClock clock, JobExecutorSettings settings)
	{
		Objects.requireNonNull(networkName, "networkName");
		Objects.requireNonNull(clock, "clock");
		Objects.requireNonNull(settings, "settings");
		return new NetworkEngines(networkName, clock, settings);
	}

	public String networkName()
	{
		return networkName;
	}

	public NetworkClock clock()
	{
		return clock;
	}

	NetworkJobExecutor jobExecutor()
	{
		return jobExecutor;
	}

	/** Prefix of the names of all threads the network's job executor runs. */
	public String threadNamePrefix()
	{
		return jobExecutor.threadNamePrefix();
	}

	/**
	 * Builds and starts the engine of one organization: a fresh in-memory database with Camunda's schema, no process
	 * deployed (or the {@linkplain EngineOptions#withDatabase given database} with what earlier engines left there),
	 * job execution not yet started ({@link OrganizationEngine#startJobExecution()}).
	 *
	 * @throws IllegalArgumentException
	 *             if the network already has an engine for that organization
	 * @throws IllegalStateException
	 *             if the given database is in use by another engine or was dropped
	 */
	public OrganizationEngine create(EngineOptions options)
	{
		Objects.requireNonNull(options, "options");
		String organization = options.organizationIdentifier;
		synchronized (this)
		{
			if (closed)
				throw new IllegalStateException("Engines of network " + networkName + " are closed");
			if (engines.containsKey(organization))
				throw new IllegalArgumentException(
						"Network " + networkName + " already has an engine for organization " + organization);
			engines.put(organization, null); // reserved while building, engines of several organizations build in parallel
		}

		boolean ownsDatabase = options.database == null;
		EngineDatabase database = ownsDatabase ? EngineDatabase.inMemory(organization) : options.database;
		try
		{
			database.acquire(organization);
		}
		catch (RuntimeException e)
		{
			synchronized (this)
			{
				engines.remove(organization, null);
			}
			throw e;
		}

		try
		{
			ProcessEngineImpl engine = (ProcessEngineImpl) configuration(options, database.jdbcUrl())
					.buildProcessEngine();
			OrganizationEngine organizationEngine = new OrganizationEngine(organization, engine, database,
					ownsDatabase, jobExecutor, this::closed);
			synchronized (this)
			{
				if (!closed)
				{
					engines.put(organization, organizationEngine);
					return organizationEngine;
				}
			}
			organizationEngine.close();
			throw new IllegalStateException("Engines of network " + networkName + " closed while building one");
		}
		catch (RuntimeException | Error e)
		{
			database.release();
			if (ownsDatabase)
				database.close();
			synchronized (this)
			{
				engines.remove(organization, null);
			}
			throw e;
		}
	}

	private ProcessEngineConfiguration configuration(EngineOptions options, String jdbcUrl)
	{
		TestbedEngineConfiguration c = new TestbedEngineConfiguration();
		c.setProcessEngineName(options.organizationIdentifier);

		c.setJdbcUrl(jdbcUrl);
		c.setJdbcDriver("org.h2.Driver");
		c.setJdbcUsername("sa");
		c.setJdbcPassword("");
		c.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);

		// as DSF 1.9.0 (CamundaConfig, MultiVersionSpringProcessEngineConfiguration)
		c.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
		c.setIdGenerator(new StrongUuidGenerator());
		c.setJobExecutor(jobExecutor);
		c.setJobExecutorActivate(false);
		c.setCustomPreBPMNParseListeners(new ArrayList<>(options.parseListeners));
		c.setCustomPreVariableSerializers(new ArrayList<>(options.variableSerializers));
		if (options.fallbackSerializerFactory != null)
			c.setFallbackSerializerFactory(options.fallbackSerializerFactory);
		if (options.bpmnParseFactory != null)
			c.setBpmnParseFactory(options.bpmnParseFactory);

		// not visible to plugins, one thread per engine less
		c.setMetricsEnabled(false);
		c.setDbMetricsReporterActivate(false);

		options.customizers.forEach(customizer -> customizer.accept(c));
		return c;
	}

	/** The organization's engine, if it was created and is not closed. */
	public synchronized Optional<OrganizationEngine> engine(String organizationIdentifier)
	{
		return Optional.ofNullable(engines.get(organizationIdentifier));
	}

	/** The open engines, in no particular order. */
	public synchronized List<OrganizationEngine> engines()
	{
		return engines.values().stream().filter(Objects::nonNull).toList();
	}

	private synchronized void closed(OrganizationEngine engine)
	{
		engines.remove(engine.organizationIdentifier(), engine);
	}

	/**
	 * Closes every engine (waiting for running jobs), stops the job executor's threads and gives Camunda's clock back
	 * to real time if no other network uses it.
	 */
	@Override
	public void close()
	{
		List<OrganizationEngine> open;
		synchronized (this)
		{
			if (closed)
				return;
			closed = true;
			open = engines();
		}

		RuntimeException failure = null;
		for (OrganizationEngine engine : open)
		{
			try
			{
				engine.close();
			}
			catch (RuntimeException e)
			{
				if (failure == null)
					failure = e;
				else
					failure.addSuppressed(e);
			}
		}

		jobExecutor.shutdown();
		clockRegistration.close();
		CamundaClock.release(clock);

		if (failure != null)
			throw failure;
	}
}
