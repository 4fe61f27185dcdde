package org.dsftestbed.runtime.container.organization;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.dsftestbed.bpe.OrganizationBpe;
import org.dsftestbed.bpe.OrganizationBpeConfig;
import org.dsftestbed.bpe.engine.NetworkEngines;
import org.dsftestbed.fhir.server.FhirServer;
import org.dsftestbed.fhir.server.FhirServerConfig;
import org.dsftestbed.network.AllowListBundle;
import org.dsftestbed.pki.Thumbprint;
import org.dsftestbed.time.NetworkClock;

/**
 * One DSF organization alone in its JVM, as the organization image runs it: the embedded FHIR server listening on all
 * interfaces under its external base URL, the BPE with the plugins of the plugin directory, a simulated clock of its
 * own, and the test-only {@link ControlEndpoint}. Started in the order of the embedded runtime (server, then BPE);
 * {@link #close()} stops in reverse.
 * <p>
 * With a {@linkplain OrganizationSettings#dataDirectory() data directory} it starts on what earlier starts left there
 * ({@link OrganizationData}): the FHIR server's resources with their history, the BPE's process states and Camunda's
 * process instances, as a DSF organization restarted on its databases. The BPE then finds its processes in their
 * states (the same plugins deploy nothing new), and its catch-up search hands it the Tasks that arrived while it was
 * away; waiting process instances go on when their messages arrive.
 *
 * <pre>{@code
 * try (StandaloneOrganization organization = StandaloneOrganization.start(OrganizationSettings.from(System.getenv(), Path.of("")), System.out::println))
 * {
 * 	...
 * }
 * }</pre>
 */
public final class StandaloneOrganization implements AutoCloseable, ControlEndpoint.Actions
{
	private final OrganizationSettings settings;
	private final NetworkClock clock;
	private FhirServer server;
	private NetworkEngines engines;
	private OrganizationBpe bpe;
	private ControlEndpoint control;
	/** {@code null} when in memory. */
	private OrganizationData data;
	private volatile boolean bpePaused;
	/** Client certificates refused as expired, by thumbprint (the network-wide set of the embedded runtime). */
	private final Set<String> expiredThumbprints = ConcurrentHashMap.newKeySet();

	private StandaloneOrganization(OrganizationSettings settings, NetworkClock clock)
	{
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Starts server, BPE and control endpoint; returns when the BPE has deployed its plugins and bound its
	 * subscriptions.
	 *
	 * @param log
	 *            receives one line per start step
	 * @throws UnreadableDataException
	 *             naming the file of the data directory that cannot be read or used
	 * @throws Exception
	 *             from the step that failed; what was started before is closed again
	 */
	public static StandaloneOrganization start(OrganizationSettings settings, Consumer<String> log) throws Exception
	{
		return start(settings, log, line -> {});
	}

	/**
	 * Like {@link #start(OrganizationSettings, Consumer)}, and every request the FHIR server answers goes to
	 * {@code recordLines} as one {@link RequestRecordLine}, with the time on this organization's clock.
	 */
	public static StandaloneOrganization start(OrganizationSettings settings, Consumer<String> log,
			Consumer<String> recordLines) throws Exception
	{
		return start(settings, new NetworkClock(), log, recordLines);
	}

	/**
	 * With a given clock: organizations in one JVM (tests) must share one, as Camunda's clock is one per JVM
	 * ({@link NetworkEngines}).
	 */
	static StandaloneOrganization start(OrganizationSettings settings, NetworkClock clock, Consumer<String> log,
			Consumer<String> recordLines) throws Exception
	{
		StandaloneOrganization organization = new StandaloneOrganization(settings, clock);
		try
		{
			String id = settings.organizationIdentifier();
			FhirServerConfig serverConfig = settings.fhirServer().withClock(clock);
			if (settings.dataDirectory() != null)
			{
				organization.data = OrganizationData.open(id, settings.dataDirectory(), clock);
				serverConfig.withStore(organization.data.store());
				log.accept("data of " + id + " in " + settings.dataDirectory() + ": "
						+ organization.data.store().history(null).size() + " resource version(s), "
						+ organization.data.bpeDatabase().processStates().size() + " process state(s)");
			}
			organization.server = FhirServer.start(serverConfig
					.withListener(record -> recordLines
							.accept(RequestRecordLine.format(record, record.time().plus(clock.offset()))))
					.withExpiredClientCertificates(c -> organization.expiredThumbprints.contains(Thumbprint.of(c))));
			log.accept("FHIR server of " + id + " listening on port " + organization.server.port() + " as "
					+ organization.server.baseUrl());

			organization.engines = NetworkEngines.create(id, clock);
			OrganizationBpeConfig bpeConfig = OrganizationBpeConfig
					.of(id, settings.baseUrl(), settings.clientCertificate(), settings.serverCas(), organization.engines)
					.withPlugins(settings.plugins()).withEnvironment(settings.bpeEnvironment());
			if (organization.data != null)
				bpeConfig = bpeConfig.withDatabase(organization.data.bpeDatabase());
			organization.bpe = OrganizationBpe.start(bpeConfig);
			log.accept(organization.bpe.report().toString());

			organization.control = ControlEndpoint.start(settings.controlHost(), settings.controlPort(), organization);
			log.accept("control endpoint (test only) on port " + organization.control.port());
			return organization;
		}
		catch (Exception | Error e)
		{
			organization.close();
			throw e;
		}
	}

	public FhirServer server()
	{
		return server;
	}

	public OrganizationBpe bpe()
	{
		return bpe;
	}

	public NetworkClock clock()
	{
		return clock;
	}

	/** The port the control endpoint listens on. */
	public int controlPort()
	{
		return control.port();
	}

	/** What the image prints once it is ready: {@code READY <identifier> <base url>}. */
	public String readyLine()
	{
		return "READY " + settings.organizationIdentifier() + " " + settings.baseUrl();
	}

	@Override
	public Duration advanceClock(Duration amount)
	{
		clock.advance(amount);
		return clock.offset();
	}

	@Override
	public void pauseBpe()
	{
		bpe.pause();
		bpePaused = true;
	}

	@Override
	public void resumeBpe() throws Exception
	{
		bpe.resume();
		bpePaused = false;
	}

	@Override
	public void takeServerOffline()
	{
		server.goOffline();
	}

	@Override
	public void bringServerOnline() throws IOException
	{
		server.goOnline();
	}

	@Override
	public void setLatency(Duration latency)
	{
		server.setLatency(latency);
	}

	@Override
	public void removeFromAllowList(String organizationIdentifier, String endpointIdentifier)
	{
		server.loadTrusted(AllowListBundle.removalTransaction(organizationIdentifier, endpointIdentifier));
	}

	@Override
	public int expireClientCertificate(String thumbprint)
	{
		expiredThumbprints.add(thumbprint.toLowerCase(Locale.ROOT));
		return server.dropExpiredClients();
	}

	@Override
	public String health()
	{
		return "UP " + settings.organizationIdentifier() + " " + settings.baseUrl() + " clock-offset-millis="
				+ clock.offset().toMillis() + " bpe=" + (bpePaused ? "paused" : "running") + " server="
				+ (server.isOnline() ? "online" : "offline");
	}

	/**
	 * Control endpoint, BPE, engines, FHIR server, then the data directory's files; each one even when closing another
	 * failed.
	 */
	@Override
	public void close()
	{
		RuntimeException first = null;
		for (AutoCloseable part : new AutoCloseable[] { control, bpe, engines, server, data })
		{
			if (part == null)
				continue;
			try
			{
				part.close();
			}
			catch (Exception e)
			{
				if (first == null)
					first = new IllegalStateException("closing " + settings.organizationIdentifier() + " failed", e);
				else
					first.addSuppressed(e);
			}
		}
		if (first != null)
			throw first;
	}
}
