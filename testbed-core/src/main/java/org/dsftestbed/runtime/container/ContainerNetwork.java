package org.dsftestbed.runtime.container;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.pki.Thumbprint;
import org.dsftestbed.runtime.NetworkBootException;
import org.dsftestbed.runtime.NetworkBase;
import org.dsftestbed.runtime.NetworkFaults;
import org.dsftestbed.runtime.container.organization.ControlEndpoint;
import org.dsftestbed.time.NetworkClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;

/**
 * A network booted by {@link ContainerRuntime}: one container per organization on a private Docker network. The
 * faults of {@link NetworkFaults} go to each container's control endpoint and mean there what they mean in the
 * embedded runtime; the container faults ({@link #stopOrganization}, {@link #pauseOrganization},
 * {@link #disconnectOrganization} and their reverses) are the Docker engine's.
 * <p>
 * {@link #clock()} is this JVM's view of the network's time; advancing it advances every reachable container's clock
 * too, one after the other (not atomic across containers). A container that was unreachable (paused, stopped, off the
 * network) catches up when it comes back.
 * <p>
 * On the {@link ImageSet#DSF dsf} image set, simulated time and the control-endpoint faults (offline, latency,
 * allow-list removal, BPE pause, certificate expiry) throw {@link UnsupportedOperationException} saying so: they cannot
 * be driven inside the real DSF images. The container faults act there on both of an organization's containers.
 * <p>
 * {@link #close()} removes every container and the network, also those of a failed boot; a JVM shutdown hook does the
 * same on Ctrl-C.
 */
public final class ContainerNetwork extends NetworkBase<ContainerOrganization>
{
	/** Label on every container and the network of one run, so that removing finds them all. */
	static final String LABEL = "org.dsftestbed.network";

	private static final Logger logger = LoggerFactory.getLogger(ContainerNetwork.class);
	private static final int NETWORK_REMOVAL_ATTEMPTS = 10;
	private static final Pattern CLOCK_OFFSET = Pattern.compile("clock-offset-millis=(\\d+)");

	private final ContainerNetworkOptions options;
	private final DockerClient docker;
	private final String label;
	private final Thread shutdownHook;
	/** Logs of containers that are not an organization's main one (dsf image set: database server, BPEs). */
	private final List<ContainerLog> otherLogs = new ArrayList<>();
	private volatile String networkId;
	private boolean closed;

	ContainerNetwork(NetworkDefinition definition, NetworkCertificates certificates, ContainerNetworkOptions options,
			DockerClient docker, String label)
	{
		super(definition, certificates, new NetworkClock());
		this.options = options;
		this.docker = docker;
		this.label = label;
		this.shutdownHook = new Thread(this::removeEverything, "dsf-testbed-containers-" + definition().name());
		Runtime.getRuntime().addShutdownHook(shutdownHook);
		clock().onAdvance(amount ->
		{
			requireSimulatedImages("advancing simulated time",
					"DSF's FHIR server and BPE read the system clock, which a container shares with the host");
			organizations().stream().filter(ContainerOrganization::reachable).forEach(this::catchUpClock);
		});
	}

	/** The labels every container and the network of this network carry. */
	Map<String, String> labels()
	{
		return Map.of(LABEL, label);
	}

	void networkCreated(String id)
	{
		networkId = id;
	}

	synchronized void addLog(ContainerLog log)
	{
		otherLogs.add(log);
	}

	/**
	 * @throws UnsupportedOperationException
	 *             on the dsf image set, naming the fault, the image set and why
	 */
	private void requireSimulatedImages(String fault, String why)
	{
		if (options.imageSet() == ImageSet.DSF)
			throw new UnsupportedOperationException(fault + " is not possible on the dsf image set (the real DSF "
					+ "images): " + why + "; run this scenario with --images simulated or on the embedded runtime");
	}

	private void requireControlEndpoint(String fault)
	{
		requireSimulatedImages(fault, "DSF's images have no control endpoint to drive it");
	}

	void add(ContainerOrganization organization)
	{
		addOrganization(organization);
	}

	public ContainerNetworkOptions options()
	{
		return options;
	}

	/** The Docker network's id. */
	public String networkId()
	{
		return networkId;
	}

	@Override
	public void takeOffline(String organization)
	{
		requireControlEndpoint("taking a server offline");
		ContainerOrganization o = reachable(organization);
		control(o, ControlEndpoint.SERVER_OFFLINE);
		o.serverOnline(false);
	}

	@Override
	public void bringOnline(String organization)
	{
		requireControlEndpoint("bringing a server online");
		ContainerOrganization o = reachable(organization);
		control(o, ControlEndpoint.SERVER_ONLINE);
		o.serverOnline(true);
	}

	@Override
	public void setLatency(String organization, Duration latency)
	{
		requireControlEndpoint("adding latency");
		Objects.requireNonNull(latency, "latency");
		if (latency.isNegative())
			throw new IllegalArgumentException("latency must not be negative: " + latency);
		control(reachable(organization), ControlEndpoint.SERVER_LATENCY + "?millis=" + latency.toMillis());
	}

	/** Each other organization's server deletes it from its allow list, as the embedded runtime's do. */
	@Override
	public void removeFromAllowLists(String organization)
	{
		requireControlEndpoint("removing an organization from the allow lists");
		ContainerOrganization removed = organization(organization);
		String query = "?organization=" + encode(removed.identifier()) + "&endpoint="
				+ encode(removed.definition().endpointIdentifier());
		for (ContainerOrganization other : organizations())
			if (other != removed)
				control(reachable(other.identifier()), ControlEndpoint.ALLOW_LIST_REMOVE + query);
	}

	@Override
	public void pauseBpe(String organization)
	{
		requireControlEndpoint("pausing a BPE");
		control(reachable(organization), ControlEndpoint.BPE_PAUSE);
	}

	@Override
	public void resumeBpe(String organization)
	{
		requireControlEndpoint("resuming a BPE");
		control(reachable(organization), ControlEndpoint.BPE_RESUME);
	}

	/** Every server refuses its client certificate from now on (a restarted container forgets it). */
	@Override
	public void expireClientCertificate(String organization)
	{
		requireControlEndpoint("expiring a client certificate");
		ContainerOrganization o = organization(organization);
		String path = ControlEndpoint.TLS_EXPIRE + "?thumbprint=" + Thumbprint.of(o.clientCertificate().certificate());
		for (ContainerOrganization server : organizations())
			control(reachable(server.identifier()), path);
	}

	/**
	 * Stops its containers (SIGTERM, as {@code docker stop}; on the dsf image set the BPE first, then the FHIR server):
	 * its FHIR server and BPE end, the others' connections to it fail to resolve or connect. Its data stays: in the
	 * organization image's data directory, on the dsf image set in the network's PostgreSQL server.
	 */
	public void stopOrganization(String organization)
	{
		ContainerOrganization o = organization(organization);
		List<String> ids = o.containerIds();
		for (int i = ids.size() - 1; i >= 0; i--)
			docker.stopContainerCmd(ids.get(i)).withTimeout(30).exec();
		o.stopped();
	}

	/**
	 * Starts its stopped containers again and waits for them to be ready (the organization image's READY line; on the
	 * dsf image set the FHIR server's health check, then the BPE's). It goes on with its data, as a DSF organization
	 * restarted on its PostgreSQL databases does: its resources with their history, its processes in their states,
	 * waiting process instances (a message arriving now is correlated); the initial allow list is loaded again and the
	 * network faults set through its control endpoint are gone; its clock is moved to the network's time. Its
	 * published ports change.
	 *
	 * @throws NetworkBootException
	 *             when it is not ready within the start-up timeout
	 */
	public void startOrganization(String organization)
	{
		ContainerOrganization o = organization(organization);
		int readyBefore = o.log().readyLines();
		int since = (int) Instant.now().getEpochSecond();
		docker.startContainerCmd(o.containerId()).exec();
		o.log().follow(docker, o.containerId(), since);
		ContainerOrganization.Companion bpe = o.bpe();
		if (bpe == null)
			ContainerRuntime.awaitReady(docker, o, readyBefore, options.startupTimeout());
		else
		{
			DsfContainers.awaitHealthy(docker, o.identifier(), "FHIR server", o.containerId(), o.log(),
					options.startupTimeout());
			docker.startContainerCmd(bpe.containerId()).exec();
			bpe.log().follow(docker, bpe.containerId(), since);
			DsfContainers.awaitHealthy(docker, o.identifier(), "BPE", bpe.containerId(), bpe.log(),
					options.startupTimeout());
		}
		publishedPorts(o);
		catchUpClock(o);
	}

	/** Freezes every process of its containers ({@code docker pause}): connections to it hang instead of failing. */
	public void pauseOrganization(String organization)
	{
		ContainerOrganization o = organization(organization);
		o.containerIds().forEach(id -> docker.pauseContainerCmd(id).exec());
		o.paused(true);
	}

	public void unpauseOrganization(String organization)
	{
		ContainerOrganization o = organization(organization);
		o.containerIds().forEach(id -> docker.unpauseContainerCmd(id).exec());
		o.paused(false);
		catchUpClock(o);
	}

	/**
	 * Takes its containers off the private network: the others cannot resolve its hostnames any more, and it reaches
	 * no one; its published ports do not answer either.
	 */
	public void disconnectOrganization(String organization)
	{
		ContainerOrganization o = organization(organization);
		o.containerIds().forEach(
				id -> docker.disconnectFromNetworkCmd().withNetworkId(networkId).withContainerId(id).exec());
		o.connected(false);
	}

	/** Puts it back on the network: its main container under its hostnames, the dsf image set's BPE under none. */
	public void reconnectOrganization(String organization)
	{
		ContainerOrganization o = organization(organization);
		for (String id : o.containerIds())
		{
			var endpoint = new com.github.dockerjava.api.model.ContainerNetwork();
			if (id.equals(o.containerId()))
				endpoint.withAliases(o.definition().hostnames());
			docker.connectToNetworkCmd().withNetworkId(networkId).withContainerId(id).withContainerNetwork(endpoint)
					.exec();
		}
		o.connected(true);
		publishedPorts(o);
		catchUpClock(o);
	}

	/** Reads the container's published ports (they change on restart) into the organization. */
	void publishedPorts(ContainerOrganization o)
	{
		InspectContainerResponse container = docker.inspectContainerCmd(o.containerId()).exec();
		Map<ExposedPort, Ports.Binding[]> bindings = container.getNetworkSettings().getPorts().getBindings();
		int apiPort = hostPort(o, bindings, ContainerOrganization.API_PORT);
		if (o.controlUrl() == null)
			o.started(o.containerId(), apiPort);
		else
			o.started(o.containerId(), apiPort, hostPort(o, bindings, ContainerRuntime.CONTROL_PORT));
	}

	private static int hostPort(ContainerOrganization o, Map<ExposedPort, Ports.Binding[]> bindings, int port)
	{
		Ports.Binding[] binding = bindings.get(ExposedPort.tcp(port));
		if (binding == null || binding.length == 0)
			throw new IllegalStateException(o.identifier() + ": port " + port + " of its container is not published");
		return Integer.parseInt(binding[0].getHostPortSpec());
	}

	/** Advances the container's clock to the network's time. */
	private void catchUpClock(ContainerOrganization o)
	{
		if (o.controlUrl() == null)
			return; // the dsf image set, where simulated time is refused
		Matcher offset = CLOCK_OFFSET.matcher(ControlClient.get(o.identifier(), o.controlUrl(), ControlEndpoint.HEALTH));
		long behind = clock().offset().toMillis() - (offset.find() ? Long.parseLong(offset.group(1)) : 0);
		if (behind > 0)
			control(o, ControlEndpoint.CLOCK_ADVANCE + "?millis=" + behind);
	}

	private ContainerOrganization reachable(String organization)
	{
		ContainerOrganization o = organization(organization);
		if (!o.reachable())
			throw new IllegalStateException(o.identifier() + ": its container is stopped, paused or off the network; "
					+ "start, unpause or reconnect it first");
		return o;
	}

	private static String control(ContainerOrganization o, String pathAndQuery)
	{
		return ControlClient.post(o.identifier(), o.controlUrl(), pathAndQuery);
	}

	private static String encode(String value)
	{
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Override
	public void close()
	{
		synchronized (this)
		{
			if (closed)
				return;
			closed = true;
		}
		try
		{
			Runtime.getRuntime().removeShutdownHook(shutdownHook);
		}
		catch (IllegalStateException e)
		{
			// the JVM is shutting down: the hook runs anyway
		}
		removeEverything();
	}

	/** Every container and the network carrying this network's label; never throws. */
	private void removeEverything()
	{
		organizations().forEach(o -> o.log().close());
		synchronized (this)
		{
			otherLogs.forEach(ContainerLog::close);
		}
		try
		{
			for (var container : docker.listContainersCmd().withShowAll(true)
					.withLabelFilter(Map.of(LABEL, label)).exec())
				remove("container " + container.getId(), () ->
				{
					if ("paused".equals(container.getState()))
						docker.unpauseContainerCmd(container.getId()).exec();
					docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
				});
			for (var network : docker.listNetworksCmd().withFilter("label", List.of(LABEL + "=" + label)).exec())
				removeNetwork(network.getId(), network.getName());
		}
		catch (RuntimeException e)
		{
			logger.warn("removing the containers of network {} failed: {}", definition().name(), e.toString());
		}
	}

	/** @return whether it is gone or going */
	private boolean remove(String what, Runnable removal)
	{
		try
		{
			removal.run();
			return true;
		}
		catch (NotFoundException e)
		{
			return true;
		}
		catch (ConflictException e)
		{
			// on Ctrl-C, Testcontainers' own shutdown hook (Ryuk off) may be removing the same container right now
			if (String.valueOf(e.getMessage()).contains("already in progress"))
				return true;
			logger.debug("removing {} of network {}: {}", what, definition().name(), e.toString());
			return false;
		}
		catch (RuntimeException e)
		{
			logger.warn("removing {} of network {} failed: {}", what, definition().name(), e.toString());
			return false;
		}
	}

	/** A network still has endpoints while a removal of its containers is under way elsewhere: try a few times. */
	private void removeNetwork(String id, String name)
	{
		for (int attempt = 1; attempt <= NETWORK_REMOVAL_ATTEMPTS; attempt++)
		{
			if (remove("network " + name, () -> docker.removeNetworkCmd(id).exec()))
				return;
			try
			{
				Thread.sleep(300);
			}
			catch (InterruptedException e)
			{
				Thread.currentThread().interrupt();
				break;
			}
		}
		logger.warn("network {} ({}) of network {} could not be removed; remove it with: docker network rm {}", name,
				id, definition().name(), id);
	}
}
