package org.dsftestbed.images.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.dsftestbed.images.LocalImages;
import org.dsftestbed.junit.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.output.OutputFrame.OutputType;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * Builds the smoke image on the local JRE base, runs its server on a private network, and reaches it by its network
 * alias from a second container, and through its published port from the test JVM (loopback).
 */
@RequiresDocker(baseImage = true)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SmokeImageIT
{
	private static final String SERVER_ALIAS = "smoke-server";
	private static final String IMAGE = LocalImages.testImageName("smoke");

	private static ImageFromDockerfile image;

	@BeforeAll
	static void defineImage()
	{
		Path jar = Path.of(System.getProperty("dsf.testbed.images.jar"));
		image = LocalImages.fromDockerfile("smoke", IMAGE, Map.of(jar.getFileName().toString(), jar));
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
		LocalImages.removeAndCheckNothingIsLeft(IMAGE);
	}
}
