package org.dsftestbed.images.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.client.OrgClient;
import org.dsftestbed.connectivity.fhir.Connectivity;
import org.dsftestbed.connectivity.fhir.TargetResults;
import org.dsftestbed.junit.RequiresDocker;
import org.dsftestbed.junit.RequiresDsfImages;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkDefinitionReader;
import org.dsftestbed.runtime.container.ContainerNetwork;
import org.dsftestbed.runtime.container.ContainerNetworkOptions;
import org.dsftestbed.runtime.container.ContainerOrganization;
import org.dsftestbed.runtime.container.ContainerRuntime;
import org.dsftestbed.runtime.container.ImageSet;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskOutputComponent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

import com.github.dockerjava.api.command.InspectContainerResponse;

/**
 * The container runtime on the dsf image set: two organizations of the real DSF images (FHIR server and BPE each, one
 * PostgreSQL server) ping each other with the testbed's connectivity plugin; simulated time is refused. Runs only
 * where the images are present locally ({@link RequiresDsfImages}); elsewhere, CI included, it is skipped with one line
 * naming the missing images.
 */
@RequiresDocker
@RequiresDsfImages
@Timeout(value = 25, unit = TimeUnit.MINUTES)
class DsfImagesIT
{
	private static final String DIC_1 = "Test_DIC_1";
	private static final String DIC_2 = "Test_DIC_2";
	private static final String PROCESS = Connectivity.PING_PROCESS_URL + "|1.0";
	private static final Duration TIMEOUT = Duration.ofMinutes(2);


	private static final NetworkDefinition NETWORK = NetworkDefinitionReader.read("""
			name: dsf-images-it
			parents:
			  - identifier: medizininformatik-initiative.de
			organizations:
			  - identifier: Test_DIC_1
			    hostnames: [dic1]
			    endpoint: dic1
			    roles: {medizininformatik-initiative.de: [DIC]}
			  - identifier: Test_DIC_2
			    hostnames: [dic2]
			    endpoint: dic2
			    roles: {medizininformatik-initiative.de: [DIC]}
			""", "dsf-images-it.yaml", "dsf-images-it", Map.of());

	@TempDir
	static Path logs;

	private static ContainerNetwork network;

	@BeforeAll
	static void boot()
	{
		Path plugin = Path.of(System.getProperty("dsf.testbed.images.connectivityPlugin"));
		network = ContainerRuntime.boot(ContainerNetworkOptions.of(NETWORK).withImageSet(ImageSet.DSF)
				.withPlugins(List.of(PluginSource.jar(plugin))).withLogDirectory(logs)
				.withStartupTimeout(ContainerNetworkOptions.DSF_STARTUP_TIMEOUT)
				.withProgress(line -> System.out.println("[boot] " + line)));
	}

	@AfterAll
	static void close()
	{
		if (network != null)
			network.close();
	}

	@Test
	void twoOrganizationsOfTheRealImagesPingEachOther() throws Exception
	{
		ContainerOrganization dic1 = network.organization(DIC_1);
		assertThat(dic1.fhirBaseUrl()).isEqualTo("https://dic1/fhir");
		assertThat(dic1.connectUrl()).matches("https://localhost:\\d+/fhir");
		assertThat(dic1.controlUrl()).isNull();
		for (String log : List.of("db.log", DIC_1 + ".log", DIC_1 + "-bpe.log", DIC_2 + ".log", DIC_2 + "-bpe.log"))
			assertThat(logs.resolve(log)).as(log).exists();
		assertThat(Files.readString(logs.resolve(DIC_1 + ".log"))).as("the FHIR server terminates TLS itself on 443")
				.contains("Started ServerConnector").contains("{SSL, (ssl, http/1.1)}{0.0.0.0:443}");

		assertThat(outputs(ping(DIC_1))).containsExactly(entry("dic2", "pong-received"));
		assertThat(outputs(ping(DIC_2))).containsExactly(entry("dic1", "pong-received"));
	}

	@Test
	void simulatedTimeIsRefused()
	{
		assertThatThrownBy(() -> network.clock().advance(Duration.ofMinutes(1)))
				.isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("dsf image set");
	}

	/**
	 * Stop/start, disconnect/reconnect and pause/unpause act on both containers of an organization; after the restart
	 * its FHIR server still has what it stored before (PostgreSQL), and it answers pings again.
	 */
	@Test
	void containerFaultsActOnBothContainersAndTheDataStays()
	{
		ContainerOrganization dic2 = network.organization(DIC_2);
		assertThat(dic2.containerIds()).as("FHIR server and BPE").hasSize(2);
		Task before = ping(DIC_2);

		network.stopOrganization(DIC_2);
		assertThat(dic2.containerIds()).allSatisfy(id -> assertThat(running(id)).as(id).isFalse());
		assertThat(outputs(ping(DIC_1))).containsExactly(entry("dic2", "not-reachable"));

		network.startOrganization(DIC_2);
		assertThat(dic2.containerIds()).allSatisfy(id -> assertThat(running(id)).as(id).isTrue());
		try (OrgClient client = OrgClient.of(dic2))
		{
			Task stored = client.read(before.getIdElement().getIdPart());
			assertThat(stored.getStatus()).isEqualTo(TaskStatus.COMPLETED);
			assertThat(stored.getMeta().getVersionId()).isEqualTo(before.getMeta().getVersionId());
		}
		assertThat(outputs(ping(DIC_1))).containsExactly(entry("dic2", "pong-received"));

		network.disconnectOrganization(DIC_2);
		assertThat(dic2.isOnline()).isFalse();
		assertThat(outputs(ping(DIC_1))).containsExactly(entry("dic2", "not-reachable"));
		network.reconnectOrganization(DIC_2);
		assertThat(outputs(ping(DIC_1))).containsExactly(entry("dic2", "pong-received"));

		network.pauseOrganization(DIC_2);
		assertThat(dic2.containerIds()).allSatisfy(id -> assertThat(paused(id)).as(id).isTrue());
		network.unpauseOrganization(DIC_2);
		assertThat(dic2.containerIds()).allSatisfy(id -> assertThat(paused(id)).as(id).isFalse());
		assertThat(outputs(ping(DIC_2))).containsExactly(entry("dic1", "pong-received"));
	}

	private static boolean running(String containerId)
	{
		return Boolean.TRUE.equals(state(containerId).getRunning());
	}

	private static boolean paused(String containerId)
	{
		return Boolean.TRUE.equals(state(containerId).getPaused());
	}

	private static InspectContainerResponse.ContainerState state(String containerId)
	{
		return DockerClientFactory.instance().client().inspectContainerCmd(containerId).exec().getState();
	}

	private static Task ping(String from)
	{
		try (OrgClient client = OrgClient.of(network.organization(from)))
		{
			String id = client.startProcess(PROCESS, List.of()).getIdElement().getIdPart();
			return client.awaitStatus(id, TaskStatus.COMPLETED, TIMEOUT);
		}
	}

	private static Map<String, String> outputs(Task task)
	{
		Map<String, String> byEndpoint = new LinkedHashMap<>();
		for (TaskOutputComponent o : OrgClient.outputs(task, Connectivity.CODE_SYSTEM, Connectivity.PING_STATUS))
			byEndpoint.put(TargetResults.endpointIdentifier(o).orElseThrow(), ((Coding) o.getValue()).getCode());
		return byEndpoint;
	}
}
