package org.dsftestbed.runtime.container;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.OrganizationDefinition;
import org.dsftestbed.runtime.NetworkBootException;
import org.dsftestbed.runtime.container.dsf.DsfContainerInput;
import org.dsftestbed.runtime.container.dsf.DsfDatabaseServer;
import org.dsftestbed.runtime.container.dsf.DsfImages;
import org.dsftestbed.runtime.container.dsf.DsfOrganizationInput;
import org.hl7.fhir.r4.model.Bundle;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.MountableFile;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import com.github.dockerjava.api.exception.NotFoundException;

/**
 * The {@link ImageSet#DSF dsf} image set: the network's PostgreSQL server, and per organization a container of DSF's
 * FHIR server image (network aliases = the organization's hostnames) and one of its BPE image, configured by
 * {@link DsfOrganizationInput}. TLS is terminated by DSF's HTTPS main classes (the entrypoint is replaced), not by the
 * proxy images. Readiness is the images' own Docker health check, which asks the status port.
 */
final class DsfContainers
{
	static final String FHIR_MAIN = "dev.dsf.fhir.FhirJettyServerHttps";
	static final String BPE_MAIN = "dev.dsf.bpe.BpeJettyServerHttps";

	/**
	 * The images' start scripts' java call ({@code docker/dsf_fhir_start.sh}, {@code docker/dsf_bpe_start.sh} of the
	 * jetty server modules in DSF v1.9.0), with the HTTPS main class; {@code exec} so that SIGTERM reaches java.
	 */
	static final String FHIR_COMMAND = "exec java $EXTRA_JVM_ARGS -Djdk.tls.acknowledgeCloseNotify=true "
			+ "-cp 'lib/*:dsf_fhir.jar' " + FHIR_MAIN;
	static final String BPE_COMMAND = "exec java $EXTRA_JVM_ARGS -Djdk.tls.acknowledgeCloseNotify=true "
			+ "-cp 'lib/*:lib_external/*:dsf_bpe.jar' " + BPE_MAIN;

	private static final Duration PULL_TIMEOUT = Duration.ofMinutes(10);

	private final ContainerNetwork running;
	private final Network network;
	private final DsfImages images;
	private final DsfDatabaseServer database;

	private DsfContainers(ContainerNetwork running, Network network, DsfImages images, DsfDatabaseServer database)
	{
		this.running = running;
		this.network = network;
		this.images = images;
		this.database = database;
	}

	/**
	 * Uses an image present locally as it is, and pulls a missing one.
	 *
	 * @throws IllegalStateException
	 *             naming the image that is neither present nor pullable, and how to provide it
	 */
	static void requireImages(DockerClient docker, DsfImages images, Consumer<String> progress)
	{
		for (String image : images.started())
		{
			try
			{
				docker.inspectImageCmd(image).exec();
				continue;
			}
			catch (NotFoundException e)
			{
				progress.accept("  pulling " + image + " (not present locally)");
			}
			try
			{
				if (!docker.pullImageCmd(image).start().awaitCompletion(PULL_TIMEOUT.toMinutes(), TimeUnit.MINUTES))
					throw new IllegalStateException("no answer within " + PULL_TIMEOUT.toMinutes() + " minutes");
			}
			catch (InterruptedException e)
			{
				Thread.currentThread().interrupt();
				throw new IllegalStateException("pulling " + image + " was interrupted", e);
			}
			catch (RuntimeException e)
			{
				throw new IllegalStateException(cannotPull(image, String.valueOf(e.getMessage())), e);
			}
		}
	}

	static String cannotPull(String image, String reason)
	{
		return "image " + image + " of the dsf image set is not present locally and could not be pulled (" + reason
				+ "). Pull it where its registry is reachable (docker pull " + image + "), bring it here (docker save "
				+ image + " | docker load), or name another image or version with -D" + DsfImages.VERSION_PROPERTY
				+ ", -D" + DsfImages.FHIR_PROPERTY + ", -D" + DsfImages.BPE_PROPERTY + " or -D"
				+ DsfImages.POSTGRES_PROPERTY;
	}

	/** Starts the network's database server and waits until it accepts connections. */
	static DsfContainers startDatabase(ContainerNetwork running, Network network, DsfImages images)
	{
		DsfDatabaseServer database = DsfDatabaseServer
				.of(running.definition().organizations().stream().map(OrganizationDefinition::identifier).toList());
		ContainerLog log = log(running, "db");
		GenericContainer<?> container = container(running, images.postgres(), network, "db", log)
				.withNetworkAliases(DsfDatabaseServer.HOSTNAME).withEnv(database.environment())
				// the official image logs this line twice: after the init scripts' temporary server, then for real
				.waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2)
						.withStartupTimeout(running.options().startupTimeout()));
		database.files().forEach((path, content) -> container.withCopyToContainer(Transferable.of(content,
				path.equals(DsfDatabaseServer.INIT_SCRIPT) ? 0755 : 0644), path));
		start(container, "database server", "database server of image " + images.postgres(), log);
		return new DsfContainers(running, network, images, database);
	}

	/** Starts its FHIR server, waits for it to be healthy, then starts its BPE and waits for that too. */
	ContainerOrganization start(OrganizationDefinition organization, String baseUrl, Bundle allowList,
			NetworkCertificates certificates, List<PluginSource> plugins)
	{
		String identifier = organization.identifier();
		DsfOrganizationInput input;
		try
		{
			input = DsfOrganizationInput.of(identifier, baseUrl, certificates, allowList, database,
					organization.environment());
		}
		catch (IllegalArgumentException e)
		{
			throw new NetworkBootException(identifier, "configuration for the dsf images", e);
		}
		ContainerLog fhirLog = new ContainerLog(identifier, logFile(running, identifier));
		ContainerOrganization o = new ContainerOrganization(organization, baseUrl,
				certificates.organization(identifier).client(), certificates.pki().caCertificates(), fhirLog);
		running.add(o);

		GenericContainer<?> fhir = server(images.fhir(), identifier + "-fhir", FHIR_COMMAND, input.fhir(), fhirLog)
				.withNetworkAliases(organization.hostnames().toArray(String[]::new))
				.withExposedPorts(DsfOrganizationInput.FHIR_API_PORT);
		start(fhir, identifier, "FHIR server of image " + images.fhir(), fhirLog);
		o.started(fhir.getContainerId(), fhir.getMappedPort(DsfOrganizationInput.FHIR_API_PORT));

		ContainerLog bpeLog = log(running, identifier + "-bpe");
		GenericContainer<?> bpe = server(images.bpe(), identifier + "-bpe", BPE_COMMAND, input.bpe(), bpeLog);
		for (PluginSource plugin : plugins)
			bpe.withCopyToContainer(MountableFile.forHostPath(plugin.location(), 0644),
					DsfOrganizationInput.BPE_PLUGIN_DIRECTORY + "/" + plugin.location().getFileName());
		start(bpe, identifier, "BPE of image " + images.bpe(), bpeLog);
		o.bpeStarted(bpe.getContainerId(), bpeLog);
		return o;
	}

	/**
	 * Waits until Docker reports the container's health check healthy (after a {@code docker start} it reports
	 * {@code starting} first).
	 *
	 * @throws NetworkBootException
	 *             when the container exits, turns unhealthy or the timeout passes first, with its last log lines
	 */
	static void awaitHealthy(DockerClient docker, String identifier, String what, String containerId,
			ContainerLog log, Duration timeout)
	{
		ContainerRuntime.awaitContainer(docker, identifier, what, containerId, log, timeout, "healthy",
				state -> "healthy".equals(health(state)),
				state -> "unhealthy".equals(health(state)) ? "its health check reports it unhealthy" : null);
	}

	private static String health(ContainerState state)
	{
		return state.getHealth() == null ? "none" : state.getHealth().getStatus();
	}

	private GenericContainer<?> server(String image, String name, String command, DsfContainerInput input,
			ContainerLog log)
	{
		GenericContainer<?> container = container(running, image, network, name, log).withEnv(input.environment())
				.withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("sh", "-c", command))
				.waitingFor(Wait.forHealthcheck().withStartupTimeout(running.options().startupTimeout()));
		input.files().forEach((path, content) -> container.withCopyToContainer(Transferable.of(content, 0644), path));
		return container;
	}

	@SuppressWarnings("resource") // removed by the network's close(), found by its label
	private static GenericContainer<?> container(ContainerNetwork running, String image, Network network, String name,
			ContainerLog log)
	{
		return new GenericContainer<>(image).withNetwork(network).withLabels(running.labels()).withLogConsumer(log)
				.withCreateContainerCmdModifier(cmd -> cmd.withName(ContainerRuntime.containerName(name)));
	}

	private static void start(GenericContainer<?> container, String identifier, String what, ContainerLog log)
	{
		try
		{
			container.start();
		}
		catch (RuntimeException e)
		{
			throw new NetworkBootException(identifier, what, new IllegalStateException(
					ContainerRuntime.describe(e) + ContainerRuntime.lastLines(log.tail()), e));
		}
	}

	private static ContainerLog log(ContainerNetwork running, String name)
	{
		ContainerLog log = new ContainerLog(name, logFile(running, name));
		running.addLog(log);
		return log;
	}

	private static Path logFile(ContainerNetwork running, String name)
	{
		Path directory = running.options().logDirectory();
		return directory == null ? null : directory.resolve(name + ".log");
	}
}
