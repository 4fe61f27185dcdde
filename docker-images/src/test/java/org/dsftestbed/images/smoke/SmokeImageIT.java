package org.dsftestbed.images.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.dsftestbed.junit.RequiresDocker;
import org.dsftestbed.runtime.container.TestbedImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.output.OutputFrame.OutputType;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;

/**
 * Builds the smoke image on the local JRE base, runs its server on a private network, and reaches it by its network
 * alias from a second container, and through its published port from the test JVM (loopback).
 */
@RequiresDocker(baseImage = true)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SmokeImageIT
{
	private static final String SERVER_ALIAS = "smoke-server";
	private static final String IMAGE = "dsf-testbed/smoke:it-" + UUID.randomUUID().toString().substring(0, 8);
	private static final String SESSION_LABEL = DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL + "="
			+ DockerClientFactory.SESSION_ID;

	private static ImageFromDockerfile image;

	@BeforeAll
	static void defineImage()
	{
		Path dockerfile = Path.of(System.getProperty("dsf.testbed.images.dockerDir"), "smoke", "Dockerfile");
		Path jar = Path.of(System.getProperty("dsf.testbed.images.jar"));
		assertThat(dockerfile).isRegularFile();
		assertThat(jar).as("the module's jar (built in the package phase)").isRegularFile();

		// The context is given file by file, and the Dockerfile by path inside it (not withDockerfile(Path)):
		// that way Testcontainers does not parse FROM and try to pre-pull the base, which is local. Pull is off, too.
		image = new ImageFromDockerfile(IMAGE, false).withFileFromPath("Dockerfile", dockerfile)
				.withFileFromPath(jar.getFileName().toString(), jar).withDockerfilePath("Dockerfile")
				.withBuildArg(TestbedImages.BASE_IMAGE_BUILD_ARG, TestbedImages.baseImage())
				.withBuildImageCmdModifier(cmd -> cmd.withPull(false));
	}

	@Test
	void clientContainerReachesServerByNetworkAlias() throws Exception
	{
		try (Network network = Network.newNetwork();
				GenericContainer<?> server = new GenericContainer<>(image).withNetwork(network)
						.withNetworkAliases(SERVER_ALIAS).withExposedPorts(Smoke.DEFAULT_PORT)
						.waitingFor(Wait.forHttp("/").forStatusCode(200)
								.withStartupTimeout(Duration.ofSeconds(60))))
		{
			server.start();
			String serverHostname = server.getContainerInfo().getConfig().getHostName();

			try (GenericContainer<?> client = new GenericContainer<>(image).withNetwork(network)
					.withCommand("client", "http://" + SERVER_ALIAS + ":" + Smoke.DEFAULT_PORT + "/")
					.withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(60))))
			{
				client.start();

				assertThat(client.getLogs(OutputType.STDOUT).strip())
						.isEqualTo(Smoke.REPLY_PREFIX + serverHostname);
				assertThat(client.getContainerInfo().getConfig().getHostName()).isNotEqualTo(serverHostname);
			}

			// the test JVM reaches the server through its published port on loopback
			URI published = URI.create(
					"http://" + server.getHost() + ":" + server.getMappedPort(Smoke.DEFAULT_PORT) + "/");
			HttpResponse<String> viaPort = HttpClient.newHttpClient().send(
					HttpRequest.newBuilder(published).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(viaPort.body().strip()).isEqualTo(Smoke.REPLY_PREFIX + serverHostname);
		}
	}

	@AfterAll
	static void removeImageAndCheckNothingIsLeft()
	{
		DockerClient docker = DockerClientFactory.instance().client();
		try
		{
			docker.removeImageCmd(IMAGE).withForce(true).exec();
		}
		catch (NotFoundException e)
		{
			// never built (an earlier failure)
		}

		// Ryuk is off: whatever this test created must already be gone
		assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(SESSION_LABEL)).exec())
				.as("containers left by this test").isEmpty();
		assertThat(docker.listNetworksCmd().withFilter("label", List.of(SESSION_LABEL)).exec())
				.as("networks left by this test").isEmpty();
		assertThat(docker.listImagesCmd().withFilter("label", List.of(SESSION_LABEL)).exec())
				.as("images built by this test").isEmpty();
	}
}
