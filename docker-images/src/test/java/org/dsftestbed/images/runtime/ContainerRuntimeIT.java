package org.dsftestbed.images.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

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
import org.dsftestbed.conformance.record.RecordedRequest;
import org.dsftestbed.conformance.record.RunRecorder;
import org.dsftestbed.fhir.server.RequestRecord;
import org.dsftestbed.junit.RequiresDocker;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkDefinitionReader;
import org.dsftestbed.runtime.NetworkBootException;
import org.dsftestbed.runtime.container.ContainerNetwork;
import org.dsftestbed.runtime.container.ContainerNetworkOptions;
import org.dsftestbed.runtime.container.ContainerOrganization;
import org.dsftestbed.runtime.container.ContainerRuntime;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskOutputComponent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

import com.github.dockerjava.api.DockerClient;

/**
 * The container runtime on the simulated image set: two organizations booted from a network definition, a
 * connectivity ping across them, the network faults through the control endpoints (offline gives DSF's
 * connection-refused error, simulated time reaches every container) and the container faults (pause, disconnect,
 * stop and start, the stopped one keeping its data), then nothing left behind; a boot that times out names the
 * organization and removes what it made.
 */
@RequiresDocker(baseImage = true)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestMethodOrder(OrderAnnotation.class)
class ContainerRuntimeIT
{
	private static final String DIC_1 = "Test_DIC_1";
	private static final String DIC_2 = "Test_DIC_2";
	private static final String PROCESS = Connectivity.PING_PROCESS_URL + "|1.0";
	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final NetworkDefinition NETWORK = NetworkDefinitionReader.read("""
			name: runtime-it
			parents:
			  - identifier: medizininformatik-initiative.de
			organizations:
			  - identifier: Test_DIC_1
			    hostnames: [dic1, dic1.example]
			    endpoint: dic1
			    roles: {medizininformatik-initiative.de: [DIC]}
			  - identifier: Test_DIC_2
			    hostnames: [dic2]
			    endpoint: dic2
			    roles: {medizininformatik-initiative.de: [DIC]}
			""", "runtime-it.yaml", "runtime-it", Map.of());

	@TempDir
	static Path logs;

	private static ContainerNetwork network;
	private static String networkId;
	/** Fed from the containers' record lines. */
	private static final RunRecorder recorder = new RunRecorder();

	@BeforeAll
	static void boot()
	{
		Path plugin = Path.of(System.getProperty("dsf.testbed.images.connectivityPlugin"));
		network = ContainerRuntime.boot(ContainerNetworkOptions.of(NETWORK)
				.withPlugins(List.of(PluginSource.jar(plugin))).withLogDirectory(logs).withListener(recorder)
				.withProgress(line -> System.out.println("[boot] " + line)));
		networkId = network.networkId();
	}

	@AfterAll
	static void close()
	{
		if (network != null)
			network.close();
		assertNothingLeft();
	}

	private static void assertNothingLeft()
	{
		DockerClient docker = DockerClientFactory.instance().client();
		String session = DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL + "=" + DockerClientFactory.SESSION_ID;
		assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(session)).exec())
				.as("containers left").isEmpty();
		assertThat(docker.listNetworksCmd().withFilter("label", List.of(session)).exec()).as("networks left")
				.isEmpty();
	}

	private static Map<String, String> outputs(Task task, String type)
	{
		Map<String, String> byEndpoint = new LinkedHashMap<>();
		for (TaskOutputComponent o : OrgClient.outputs(task, Connectivity.CODE_SYSTEM, type))
			byEndpoint.put(TargetResults.endpointIdentifier(o).orElseThrow(), ((Coding) o.getValue()).getCode());
		return byEndpoint;
	}

	private static Task ping(String from)
	{
		try (OrgClient client = OrgClient.of(network.organization(from)))
		{
			String id = client.startProcess(PROCESS, List.of()).getIdElement().getIdPart();
			return client.awaitStatus(id, TaskStatus.COMPLETED, TIMEOUT);
		}
	}

	/** {@code <version> <status>} of each version of a Task at the organization, oldest first. */
	private static List<String> versions(String organization, String taskId)
	{
		try (OrgClient client = OrgClient.of(network.organization(organization)))
		{
			return client.history(taskId).stream()
					.map(t -> t.getMeta().getVersionId() + " " + t.getStatus().toCode()).toList();
		}
	}

	/** The Task messages each ping sent from one container to the other reached the recorder. */
	private static void assertRecordedAcrossContainers() throws Exception
	{
		// the record lines arrive with the containers' output, shortly after the requests
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		List<RequestRecord> messages;
		do
		{
			Thread.sleep(100);
			messages = recorder.all("pings").requests().stream().map(RecordedRequest::request)
					.filter(r -> r.crossOrganization() && "POST".equals(r.method()) && "Task".equals(r.path()))
					.toList();
		}
		while (messages.size() < 4 && System.nanoTime() < deadline);

		assertThat(messages).extracting(RequestRecord::caller, RequestRecord::server, RequestRecord::messageName,
				RequestRecord::status).containsExactlyInAnyOrder(tuple(DIC_1, DIC_2, "ping", 201),
						tuple(DIC_2, DIC_1, "pong", 201), tuple(DIC_2, DIC_1, "ping", 201),
						tuple(DIC_1, DIC_2, "pong", 201));
		assertThat(messages).allSatisfy(r -> assertThat(r.tasks()).singleElement()
				.satisfies(t -> assertThat(t.messageName()).isEqualTo(r.messageName())));
		assertThat(recorder.all("pings").requests()).as("each organization's BPE updating its own Tasks, too")
				.anyMatch(r -> !r.crossOrganization() && "PUT".equals(r.request().method()));
		assertThat(Files.readString(logs.resolve(DIC_1 + ".log"))).as("record lines stay out of the log file")
				.doesNotContain("RECORD {").doesNotContain("malformed record line");
	}

	@Test
	@Order(1)
	void organizationsAreKnownByTheirHostnamesAndReachedThroughPublishedPorts() throws Exception
	{
		ContainerOrganization dic1 = network.organization(DIC_1);
		assertThat(dic1.fhirBaseUrl()).isEqualTo("https://dic1/fhir");
		assertThat(dic1.connectUrl()).matches("https://localhost:\\d+/fhir");
		assertThat(dic1.isOnline()).isTrue();
		assertThat(network.organization("dic2").identifier()).isEqualTo(DIC_2);

		String log = Files.readString(logs.resolve(DIC_1 + ".log"));
		assertThat(log).contains("READY " + DIC_1 + " https://dic1/fhir");
		assertThat(logs.resolve(DIC_2 + ".log")).exists();

		assertThat(outputs(ping(DIC_1), Connectivity.PING_STATUS)).containsExactly(entry("dic2", "pong-received"));
		assertThat(outputs(ping(DIC_2), Connectivity.PING_STATUS)).containsExactly(entry("dic1", "pong-received"));
		assertRecordedAcrossContainers();
	}

	@Test
	@Order(2)
	void anOfflineServerRefusesConnectionsAsInTheEmbeddedRuntime()
	{
		network.takeOffline(DIC_2);
		try
		{
			assertThat(network.organization(DIC_2).isOnline()).isFalse();
			Task done = ping(DIC_1);
			assertThat(outputs(done, Connectivity.PING_STATUS)).containsExactly(entry("dic2", "not-reachable"));
			assertThat(outputs(done, Connectivity.ERROR)).containsExactly(entry("dic2", "send-message-http-host-connect"));
		}
		finally
		{
			network.bringOnline(DIC_2);
		}
		assertThat(outputs(ping(DIC_1), Connectivity.PING_STATUS)).containsExactly(entry("dic2", "pong-received"));
	}

	@Test
	@Order(3)
	void simulatedTimeReachesEveryContainer()
	{
		network.clock().advance(Duration.ofMinutes(5));
		for (ContainerOrganization o : network.organizations())
			assertThat(health(o)).as(o.identifier()).contains("clock-offset-millis=" + network.clock().offset().toMillis());
	}

	private static String health(ContainerOrganization o)
	{
		try
		{
			var response = java.net.http.HttpClient.newHttpClient().send(
					java.net.http.HttpRequest.newBuilder(java.net.URI.create(o.controlUrl() + "/health")).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
			return response.body();
		}
		catch (Exception e)
		{
			throw new AssertionError(e);
		}
	}

	@Test
	@Order(4)
	void aPausedOrganizationIsOfflineAndRefusesNetworkFaultsUntilUnpaused()
	{
		network.pauseOrganization(DIC_2);
		try
		{
			assertThat(network.organization(DIC_2).isOnline()).isFalse();
			assertThatThrownBy(() -> network.pauseBpe(DIC_2)).hasMessageContaining(DIC_2)
					.hasMessageContaining("paused");
			network.clock().advance(Duration.ofSeconds(30));
		}
		finally
		{
			network.unpauseOrganization(DIC_2);
		}
		assertThat(health(network.organization(DIC_2))).as("caught up with the network's time")
				.contains("clock-offset-millis=" + network.clock().offset().toMillis());
		assertThat(outputs(ping(DIC_1), Connectivity.PING_STATUS)).containsExactly(entry("dic2", "pong-received"));
	}

	@Test
	@Order(5)
	void aDisconnectedOrganizationCannotBeResolvedByTheOthersUntilReconnected()
	{
		network.disconnectOrganization(DIC_2);
		try
		{
			Task done = ping(DIC_1);
			assertThat(outputs(done, Connectivity.PING_STATUS)).containsExactly(entry("dic2", "not-reachable"));
			assertThat(outputs(done, Connectivity.ERROR)).hasSize(1);
		}
		finally
		{
			network.reconnectOrganization(DIC_2);
		}
		assertThat(outputs(ping(DIC_1), Connectivity.PING_STATUS)).containsExactly(entry("dic2", "pong-received"));
		assertThat(outputs(ping(DIC_2), Connectivity.PING_STATUS)).as("reached under its hostname again")
				.containsExactly(entry("dic1", "pong-received"));
	}

	@Test
	@Order(6)
	void aStoppedOrganizationStartsAgainOnNewPortsAtTheNetworksTimeWithItsData() throws Exception
	{
		ContainerOrganization dic2 = network.organization(DIC_2);
		String portsBefore = dic2.connectUrl();
		Task storedBefore = ping(DIC_2);
		List<String> historyBefore = versions(DIC_2, storedBefore.getIdElement().getIdPart());
		network.stopOrganization(DIC_2);
		assertThat(dic2.isOnline()).isFalse();
		assertThat(outputs(ping(DIC_1), Connectivity.PING_STATUS)).containsExactly(entry("dic2", "not-reachable"));

		network.startOrganization(DIC_2);
		assertThat(dic2.isOnline()).isTrue();
		assertThat(dic2.connectUrl()).isNotNull();
		System.out.println("published port before/after restart: " + portsBefore + " / " + dic2.connectUrl());
		assertThat(health(dic2)).contains("clock-offset-millis=" + network.clock().offset().toMillis());
		assertThat(versions(DIC_2, storedBefore.getIdElement().getIdPart()))
				.as("a Task stored before the stop, with its history, as DSF on PostgreSQL keeps it")
				.isEqualTo(historyBefore).endsWith("3 completed");
		assertThat(outputs(ping(DIC_2), Connectivity.PING_STATUS)).containsExactly(entry("dic1", "pong-received"));
		assertThat(Files.readString(logs.resolve(DIC_2 + ".log"))).contains("STOPPED " + DIC_2);
	}

	@Test
	@Order(7)
	void closingRemovesEveryContainerAndTheNetwork()
	{
		network.close();
		network.close();
		DockerClient docker = DockerClientFactory.instance().client();
		assertThat(docker.listNetworksCmd().withIdFilter(networkId).exec()).isEmpty();
		for (ContainerOrganization o : network.organizations())
			assertThat(docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(o.containerId())).exec())
					.as(o.identifier()).isEmpty();
		network = null;
		assertNothingLeft();
	}

	@Test
	@Order(8)
	void aBootThatTimesOutNamesTheOrganizationAndRemovesWhatItCreated()
	{
		assertThatThrownBy(() -> ContainerRuntime.boot(ContainerNetworkOptions.of(NETWORK)
				.withStartupTimeout(Duration.ofMillis(500)))).isInstanceOf(NetworkBootException.class)
				.hasMessageContaining("Test_DIC_").hasMessageContaining("not READY within the start-up timeout");
		assertNothingLeft();
	}
}
