package org.dsftestbed.runtime.container;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.network.AllowListBundle;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.OrganizationDefinition;
import org.dsftestbed.runtime.NetworkBootException;
import org.dsftestbed.runtime.Parallel;
import org.dsftestbed.runtime.PluginReferences;
import org.dsftestbed.runtime.container.organization.OrganizationImageInput;
import org.dsftestbed.runtime.container.organization.OrganizationSettings;
import org.hl7.fhir.r4.model.Bundle;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.MountableFile;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;

/**
 * Boots a network definition as containers. This page describes the {@code simulated} image set; the {@code dsf} image
 * set ({@link ImageSet#DSF}, {@link DsfContainers}) differs in what an organization is (DSF's FHIR server and BPE, one
 * database server per network) and in its readiness (the images' health checks): one private Docker network, per
 * organization one container of the organization image with the organization's hostnames as network aliases, its
 * certificates, the network's allow list and its plugin jars copied in, and its environment passed. Endpoint addresses
 * are {@code https://<primary hostname>/fhir}, as in a real DSF network; this JVM reaches each server and control
 * endpoint through published ports. Containers start in parallel; each must print its {@code READY} line within the
 * start-up timeout. Each container's output goes to {@code <log directory>/<identifier>.log}, its request record lines
 * to the options' listener ({@link ContainerLog}).
 * <p>
 * Needs a Docker engine ({@link DockerEnvironment}); with Ryuk off, the returned network's {@code close()} and a JVM
 * shutdown hook remove what the boot created, and a failed boot removes it before it throws.
 *
 * <pre>{@code
 * try (ContainerNetwork network = ContainerRuntime.boot(ContainerNetworkOptions.of(NetworkPresets.load("tutorial"))))
 * {
 * 	network.pauseOrganization("hrp.dsf.test");
 * }
 * }</pre>
 */
public final class ContainerRuntime
{
	static final int CONTROL_PORT = OrganizationSettings.DEFAULT_CONTROL_PORT;

	/** JVM start of each organization: it runs briefly, so the quick first compiler tier serves it best. */
	static final String JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

	private static final Duration POLL = Duration.ofMillis(250);

	private ContainerRuntime()
	{
	}

	/**
	 * @throws NetworkBootException
	 *             naming the organization that did not start, why, and its last log lines; everything created before is
	 *             removed again
	 * @throws IllegalArgumentException
	 *             when an organization lists a plugin that is neither a known name nor a jar file
	 * @throws IllegalStateException
	 *             when Docker or the image cannot be used, saying why
	 */
	public static ContainerNetwork boot(ContainerNetworkOptions options)
	{
		long startNanos = System.nanoTime();
		NetworkDefinition network = options.network();
		List<OrganizationDefinition> organizations = network.organizations();
		Map<String, List<PluginSource>> plugins = plugins(options);

		DockerEnvironment.Status docker = DockerEnvironment.status();
		if (!docker.usable())
			throw new IllegalStateException("the container runtime needs Docker: " + docker.reason());
		options.progress().accept("Booting network " + network.name() + " (" + organizations.size()
				+ " organizations, container runtime)");
		DockerClient client = DockerClientFactory.instance().client();
		String image = null;
		if (options.imageSet() == ImageSet.DSF)
			DsfContainers.requireImages(client, options.dsfImages(), options.progress());
		else
			image = options.image() != null ? options.image() : OrganizationImage.obtain(options.progress());

		NetworkCertificates certificates = options.certificates() != null ? options.certificates()
				: NetworkCertificates.generate(network, options.keyType(), Clock.systemUTC());
		Bundle allowList = AllowListBundle.builder(network).thumbprints(certificates::allowListThumbprints)
				.endpointAddress(ContainerRuntime::baseUrl).build();

		ContainerNetwork running = new ContainerNetwork(network, certificates, options, client,
				UUID.randomUUID().toString());
		try
		{
			Network dockerNetwork = Network.builder()
					.createNetworkCmdModifier(cmd -> cmd.withName("dsf-testbed-" + network.name() + "-"
							+ UUID.randomUUID().toString().substring(0, 8)).withLabels(running.labels()))
					.build();
			running.networkCreated(dockerNetwork.getId());

			OrganizationStart start = organizationStart(image, dockerNetwork, allowList, certificates, plugins, running,
					client);
			List<Exception> failures = new ArrayList<>();
			// every container starts at once: on 2 cores the JVMs' start-up overlaps the waiting for each other
			Parallel.map("container-start", organizations, organizations.size(), organization ->
			{
				long t = System.nanoTime();
				ContainerOrganization o = start.start(organization);
				options.progress().accept("  " + o.identifier() + ": READY at " + o.fhirBaseUrl() + " → "
						+ o.connectUrl() + " (" + millisSince(t) + " ms)");
				return o;
			}, failures);
			Parallel.throwFirst(failures, "container");

			options.progress().accept("Network " + network.name() + " ready in " + millisSince(startNanos) + " ms");
			return running;
		}
		catch (RuntimeException | Error e)
		{
			running.close();
			throw e;
		}
	}

	/** Boots one organization's container(s) and waits until it is ready. */
	private interface OrganizationStart
	{
		ContainerOrganization start(OrganizationDefinition organization);
	}

	/** The image set's way to start an organization; the dsf image set starts the network's database server first. */
	private static OrganizationStart organizationStart(String image, Network dockerNetwork, Bundle allowList,
			NetworkCertificates certificates, Map<String, List<PluginSource>> plugins, ContainerNetwork running,
			DockerClient client)
	{
		if (running.options().imageSet() == ImageSet.DSF)
		{
			running.options().progress().accept("  database server " + running.options().dsfImages().postgres());
			DsfContainers dsf = DsfContainers.startDatabase(running, dockerNetwork, running.options().dsfImages());
			return organization -> dsf.start(organization, baseUrl(organization), allowList, certificates,
					plugins.get(organization.identifier()));
		}
		return organization -> start(organization, image, dockerNetwork, allowList, certificates,
				plugins.get(organization.identifier()), running, client);
	}

	/** A container name that says what it is and stays unique across runs. */
	static String containerName(String name)
	{
		return "dsf-testbed-" + name.replaceAll("[^A-Za-z0-9_.-]", "_") + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
	}

	/** {@code https://<primary hostname>/fhir}: what the others reach it under on the private network. */
	static String baseUrl(OrganizationDefinition organization)
	{
		return "https://" + organization.primaryHostname() + "/fhir";
	}

	private static Map<String, List<PluginSource>> plugins(ContainerNetworkOptions options)
	{
		Map<String, List<PluginSource>> plugins = new LinkedHashMap<>();
		for (OrganizationDefinition organization : options.network().organizations())
		{
			List<PluginSource> own = new ArrayList<>(
					PluginReferences.resolve(options.network(), organization, options.namedPlugins()));
			options.plugins().stream().filter(p -> !own.contains(p)).forEach(own::add);
			for (PluginSource plugin : own)
				if (plugin.directory())
					throw new IllegalArgumentException("organization " + organization.identifier() + ": plugin "
							+ plugin.location() + " is a classes folder; the container runtime deploys jar files "
							+ "only (package it, e.g. mvn package)");
			plugins.put(organization.identifier(), own);
		}
		return plugins;
	}

	private static ContainerOrganization start(OrganizationDefinition organization, String image, Network network,
			Bundle allowList, NetworkCertificates certificates, List<PluginSource> plugins, ContainerNetwork running,
			DockerClient docker)
	{
		String identifier = organization.identifier();
		OrganizationImageInput input = OrganizationImageInput
				.of(identifier, baseUrl(organization), certificates, allowList)
				.withEnvironment(organization.environment());
		ContainerLog log = new ContainerLog(identifier, running.options().logDirectory() == null ? null
				: running.options().logDirectory().resolve(identifier + ".log"), running.options().listener());
		ContainerOrganization o = new ContainerOrganization(organization, baseUrl(organization),
				certificates.organization(identifier).client(), certificates.pki().caCertificates(), log);
		running.add(o);

		@SuppressWarnings("resource") // removed by the network's close(), found by its label
		GenericContainer<?> container = new GenericContainer<>(image).withNetwork(network)
				.withNetworkAliases(organization.hostnames().toArray(String[]::new))
				.withExposedPorts(ContainerOrganization.API_PORT, CONTROL_PORT).withEnv(input.environment())
				.withEnv("EXTRA_JVM_ARGS", JVM_OPTIONS).withLabels(running.labels())
				.withCreateContainerCmdModifier(cmd -> cmd.withName(containerName(identifier)))
				.withLogConsumer(log).waitingFor(new AbstractWaitStrategy()
				{
					@Override
					protected void waitUntilReady()
					{
						// the READY line is awaited below, with the organization's log in the error
					}
				});
		input.files().forEach((path, content) -> container.withCopyToContainer(Transferable.of(content, 0644),
				OrganizationImageInput.WORKING_DIRECTORY + "/" + path));
		for (PluginSource plugin : plugins)
			container.withCopyToContainer(MountableFile.forHostPath(plugin.location(), 0644),
					OrganizationImageInput.WORKING_DIRECTORY + "/" + OrganizationSettings.DEFAULT_PLUGIN_DIRECTORY + "/"
							+ plugin.location().getFileName());
		try
		{
			container.start();
		}
		catch (RuntimeException e)
		{
			throw new NetworkBootException(identifier, "container of image " + image, new IllegalStateException(
					describe(e) + lastLines(o), e));
		}
		o.started(container.getContainerId(), container.getMappedPort(ContainerOrganization.API_PORT),
				container.getMappedPort(CONTROL_PORT));
		awaitReady(docker, o, 0, running.options().startupTimeout());
		return o;
	}

	/**
	 * Waits until the organization printed more than {@code readyLinesBefore} READY lines.
	 *
	 * @throws NetworkBootException
	 *             when its container exits or the timeout passes first, with its last log lines
	 */
	static void awaitReady(DockerClient docker, ContainerOrganization o, int readyLinesBefore, Duration timeout)
	{
		awaitContainer(docker, o.identifier(), "container", o.containerId(), o.log(), timeout, "READY",
				state -> o.log().readyLines() > readyLinesBefore, state -> null);
	}

	/**
	 * Polls the container until {@code ready} holds for its state.
	 *
	 * @param what
	 *            the step the error names, e.g. {@code container} or {@code BPE}
	 * @param readiness
	 *            what ready means, for the error messages: {@code READY}, {@code healthy}
	 * @param problem
	 *            a reason to give up before the timeout, or {@code null} while there is none
	 * @throws NetworkBootException
	 *             when the container exits, {@code problem} names one or the timeout passes first, with the last lines
	 *             of its log
	 */
	static void awaitContainer(DockerClient docker, String identifier, String what, String containerId,
			ContainerLog log, Duration timeout, String readiness, Predicate<ContainerState> ready,
			Function<ContainerState, String> problem)
	{
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true)
		{
			ContainerState state = docker.inspectContainerCmd(containerId).exec().getState();
			if (ready.test(state))
				return;
			String reason = Boolean.TRUE.equals(state.getRunning()) ? problem.apply(state)
					: "it exited with code " + state.getExitCodeLong() + " before it was "
							+ readiness.toLowerCase(Locale.ROOT);
			if (reason == null && System.nanoTime() > deadline)
				reason = "not " + readiness + " within the start-up timeout of " + timeout.toSeconds() + " s";
			if (reason != null)
				throw new NetworkBootException(identifier, what,
						new IllegalStateException(reason + lastLines(log.tail())));
			try
			{
				Thread.sleep(POLL.toMillis());
			}
			catch (InterruptedException e)
			{
				Thread.currentThread().interrupt();
				throw new NetworkBootException(identifier, what, e);
			}
		}
	}

	private static String lastLines(ContainerOrganization o)
	{
		return lastLines(o.logTail());
	}

	static String lastLines(List<String> tail)
	{
		List<String> last = tail.subList(Math.max(0, tail.size() - 15), tail.size());
		return last.isEmpty() ? "; it printed nothing"
				: "; its last log lines:" + System.lineSeparator() + "    "
						+ String.join(System.lineSeparator() + "    ", last);
	}

	static String describe(Throwable e)
	{
		StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
		for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause())
			text.append("; ").append(cause.getMessage());
		return text.toString();
	}

	private static long millisSince(long nanos)
	{
		return (System.nanoTime() - nanos) / 1_000_000;
	}
}
