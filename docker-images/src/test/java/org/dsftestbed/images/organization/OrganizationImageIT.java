package org.dsftestbed.images.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.dsftestbed.client.OrgClient;
import org.dsftestbed.connectivity.fhir.Connectivity;
import org.dsftestbed.connectivity.fhir.TargetResults;
import org.dsftestbed.images.LocalImages;
import org.dsftestbed.junit.RequiresDocker;
import org.dsftestbed.network.AllowListBundle;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkDefinitionReader;
import org.dsftestbed.network.OrganizationDefinition;
import org.dsftestbed.pki.IssuedCertificate;
import org.dsftestbed.pki.KeyType;
import org.dsftestbed.pki.TlsContexts;
import org.dsftestbed.runtime.container.organization.OrganizationImageInput;
import org.dsftestbed.runtime.container.organization.OrganizationSettings;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
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
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.MountableFile;

/**
 * Two organizations as containers of the organization image on a private network, each reached by the other under
 * its hostname ({@code https://dic1/fhir}, {@code https://dic2/fhir}) and by the test through its published port
 * (server certificates name {@code localhost} too): mutual TLS with the generated PKI, the allow list, a connectivity
 * ping across the containers, simulated time and BPE pause through the control endpoint, and a clean stop on SIGTERM.
 * Prints the measured image build time and each organization's time from container start to READY.
 */
@RequiresDocker(baseImage = true)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestMethodOrder(OrderAnnotation.class)
class OrganizationImageIT
{
	private static final String IMAGE = LocalImages.testImageName("organization");
	private static final String DIC_1 = "Test_DIC_1";
	private static final String DIC_2 = "Test_DIC_2";
	private static final String PROCESS = Connectivity.PING_PROCESS_URL + "|1.0";
	private static final String PLUGIN_JAR = "dsf-testbed-connectivity-1.0.0.0.jar";
	private static final int API_PORT = 443;
	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final NetworkDefinition NETWORK = NetworkDefinitionReader.read("""
			name: two-containers
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
			""", "two-containers.yaml", "two-containers", Map.of());

	private static NetworkCertificates certificates;
	private static Network network;
	private static final Map<String, GenericContainer<?>> containers = new LinkedHashMap<>();
	private static final Map<String, Long> readyNanos = new ConcurrentHashMap<>();

	@BeforeAll
	static void startTwoOrganizations()
	{
		Path context = Path.of(System.getProperty("dsf.testbed.images.organizationContext"));
		Path plugin = Path.of(System.getProperty("dsf.testbed.images.connectivityPlugin"));
		assertThat(plugin).as("the connectivity plugin jar (scenarios/connectivity-plugin, package phase)")
				.isRegularFile();
		ImageFromDockerfile image = LocalImages.fromDockerfile("organization", IMAGE,
				Map.of("app", context.resolve("app"), "lib", context.resolve("lib")));
		long buildStart = System.nanoTime();
		image.get();
		System.out.println("MEASURED organization image build: " + millisSince(buildStart) + " ms, size "
				+ DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec().getSize() / 1_000_000 + " MB");

		certificates = NetworkCertificates.generate(NETWORK, KeyType.RSA_2048, Clock.systemUTC());
		Bundle allowList = AllowListBundle.builder(NETWORK).thumbprints(certificates::allowListThumbprints)
				.endpointAddress(OrganizationImageIT::endpointAddress).build();

		network = Network.newNetwork();
		for (OrganizationDefinition organization : NETWORK.organizations())
			containers.put(organization.identifier(), container(image, organization, allowList, plugin));

		long start = System.nanoTime();
		Startables.deepStart(containers.values()).join();
		readyNanos.forEach((identifier, nanos) -> System.out.println("MEASURED " + identifier
				+ ": container start to READY " + (nanos - start) / 1_000_000 + " ms (both started at once)"));
	}

	private static String endpointAddress(OrganizationDefinition organization)
	{
		return "https://" + organization.primaryHostname() + "/fhir";
	}

	private static GenericContainer<?> container(ImageFromDockerfile image, OrganizationDefinition organization,
			Bundle allowList, Path plugin)
	{
		String identifier = organization.identifier();
		OrganizationImageInput input = OrganizationImageInput.of(identifier, endpointAddress(organization),
				certificates, allowList);
		GenericContainer<?> container = new GenericContainer<>(image).withNetwork(network)
				.withNetworkAliases(organization.primaryHostname()).withExposedPorts(API_PORT, controlPort())
				.withEnv(input.environment())
				.withCopyToContainer(MountableFile.forHostPath(plugin, 0644), OrganizationImageInput.WORKING_DIRECTORY
						+ "/" + OrganizationSettings.DEFAULT_PLUGIN_DIRECTORY + "/" + PLUGIN_JAR)
				.withLogConsumer(frame ->
				{
					String line = frame.getUtf8StringWithoutLineEnding();
					if (line.startsWith("READY " + identifier + " "))
						readyNanos.put(identifier, System.nanoTime());
					System.out.println("[" + identifier + "] " + line);
				}).waitingFor(Wait.forLogMessage("READY " + identifier + " .*\\n", 1)
						.withStartupTimeout(Duration.ofMinutes(3)));
		input.files().forEach((path, content) -> container.withCopyToContainer(Transferable.of(content, 0644),
				OrganizationImageInput.WORKING_DIRECTORY + "/" + path));
		return container;
	}

	private static int controlPort()
	{
		return OrganizationSettings.DEFAULT_CONTROL_PORT;
	}

	@AfterAll
	static void removeEverything()
	{
		try
		{
			containers.values().forEach(GenericContainer::close);
			if (network != null)
				network.close();
		}
		finally
		{
			LocalImages.removeAndCheckNothingIsLeft(IMAGE);
		}
	}

	private static String publishedBaseUrl(String identifier)
	{
		GenericContainer<?> container = containers.get(identifier);
		return "https://localhost:" + container.getMappedPort(API_PORT) + "/fhir";
	}

	/** A client of the organization reaching its server through the published port. */
	private static OrgClient client(String identifier)
	{
		return OrgClient.of(identifier, endpointAddress(NETWORK.organization(identifier)),
				publishedBaseUrl(identifier), certificates.organization(identifier).client(),
				certificates.pki().caCertificates());
	}

	private static HttpResponse<String> metadata(String server, IssuedCertificate as) throws Exception
	{
		HttpClient http = HttpClient.newBuilder()
				.sslContext(TlsContexts.create(as, certificates.pki().caCertificates())).build();
		return http.send(HttpRequest.newBuilder(URI.create(publishedBaseUrl(server) + "/metadata"))
				.header("Accept", "application/fhir+json").build(), BodyHandlers.ofString());
	}

	private static String control(String identifier, String method, String path) throws Exception
	{
		GenericContainer<?> container = containers.get(identifier);
		URI uri = URI.create("http://localhost:" + container.getMappedPort(controlPort()) + path);
		HttpResponse<String> response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(uri).method(method, BodyPublishers.noBody()).build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s at %s: %s", method, path, identifier, response.body())
				.isEqualTo(200);
		return response.body().strip();
	}

	/** endpoint identifier → code of the start Task's outputs of this type. */
	private static Map<String, String> outputs(Task task, String type)
	{
		Map<String, String> byEndpoint = new LinkedHashMap<>();
		for (TaskOutputComponent o : OrgClient.outputs(task, Connectivity.CODE_SYSTEM, type))
			byEndpoint.put(TargetResults.endpointIdentifier(o).orElseThrow(), ((Coding) o.getValue()).getCode());
		return byEndpoint;
	}

	@Test
	@Order(1)
	void eachServerAnswersTheOtherOrganizationAndRefusesACertificateNotOnItsAllowList() throws Exception
	{
		for (String[] pair : new String[][] { { DIC_1, DIC_2 }, { DIC_2, DIC_1 } })
		{
			HttpResponse<String> asOther = metadata(pair[0], certificates.organization(pair[1]).client());
			assertThat(asOther.statusCode()).as("%s asked by %s", pair[0], pair[1]).isEqualTo(200);
			assertThat(asOther.body()).contains("\"CapabilityStatement\"");

			assertThat(metadata(pair[0], certificates.browserUser()).statusCode())
					.as("%s asked with a certificate of the CA that is not on its allow list", pair[0]).isEqualTo(401);
		}
	}

	@Test
	@Order(2)
	void aConnectivityPingRunsAcrossTheContainers()
	{
		for (String[] pair : new String[][] { { DIC_1, "dic2" }, { DIC_2, "dic1" } })
		{
			try (OrgClient sender = client(pair[0]))
			{
				String id = sender.startProcess(PROCESS, List.of()).getIdElement().getIdPart();
				Task done = sender.awaitStatus(id, TaskStatus.COMPLETED, TIMEOUT);

				assertThat(outputs(done, Connectivity.PING_STATUS)).as("ping from %s", pair[0])
						.containsExactly(entry(pair[1], "pong-received"));
				assertThat(outputs(done, Connectivity.ERROR)).isEmpty();

				// pages link to https://dicN/fhir, which only the containers resolve: the client follows them at
				// the published port
				List<CodeSystem> all = sender.search(CodeSystem.class, "CodeSystem?_count=1000");
				assertThat(all).hasSizeGreaterThan(3);
				assertThat(sender.search(CodeSystem.class, "CodeSystem?_count=3")).hasSameSizeAs(all);
			}
		}
	}

	@Test
	@Order(3)
	void theControlEndpointPausesABpeAndMovesTimeSoThePongTimerFires() throws Exception
	{
		assertThat(control(DIC_1, "GET", "/health")).startsWith("UP " + DIC_1 + " https://dic1/fhir ")
				.contains(" bpe=running ").endsWith(" server=online");
		assertThat(control(DIC_2, "POST", "/bpe/pause")).isEqualTo("bpe=paused");
		Task done;
		try (OrgClient dic1 = client(DIC_1); OrgClient dic2 = client(DIC_2))
		{
			String id = dic1.startProcess(PROCESS, List.of()).getIdElement().getIdPart();
			Task inProgress = dic1.awaitStatus(id, TaskStatus.INPROGRESS, TIMEOUT);
			String businessKey = OrgClient.stringInput(inProgress, OrgClient.BPMN_MESSAGE_SYSTEM, "business-key")
					.orElseThrow();
			awaitCondition("the ping at " + DIC_2 + ", unanswered", () -> dic2.tasksWithBusinessKey(businessKey)
					.stream().anyMatch(t -> t.getStatus() == TaskStatus.REQUESTED));
			assertThat(dic1.read(id).getStatus()).isEqualTo(TaskStatus.INPROGRESS);

			// the pong timer (PT20S) may be created a moment after the ping was sent: advance until it has fired
			done = null;
			for (int advances = 0; advances < 10 && done == null; advances++)
			{
				assertThat(control(DIC_1, "POST", "/clock/advance?millis=21000")).startsWith("clock-offset-millis=");
				done = awaitStatusOrNull(dic1, id, Duration.ofSeconds(3));
			}
			assertThat(done).as("the start Task completed once the timer fired").isNotNull();
		}
		finally
		{
			assertThat(control(DIC_2, "POST", "/bpe/resume")).isEqualTo("bpe=running");
		}
		assertThat(outputs(done, Connectivity.PING_STATUS)).containsExactly(entry("dic2", "pong-missing"));
		assertThat(outputs(done, Connectivity.ERROR))
				.containsExactly(entry("dic2", "response-message-timeout-status-requested"));
		assertThat(control(DIC_1, "GET", "/health")).doesNotContain("clock-offset-millis=0 ");
	}

	@Test
	@Order(4)
	void sigtermStopsTheOrganizationCleanly()
	{
		GenericContainer<?> dic2 = containers.get(DIC_2);
		var docker = DockerClientFactory.instance().client();
		docker.stopContainerCmd(dic2.getContainerId()).withTimeout(30).exec();

		var state = docker.inspectContainerCmd(dic2.getContainerId()).exec().getState();
		assertThat(state.getRunning()).isFalse();
		assertThat(state.getExitCodeLong()).as("exit code after SIGTERM (128 + 15), not killed").isEqualTo(143L);
		assertThat(dic2.getLogs()).contains("STOPPED " + DIC_2);
	}

	private static Task awaitStatusOrNull(OrgClient client, String id, Duration timeout) throws InterruptedException
	{
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline)
		{
			Task task = client.read(id);
			if (task.getStatus() == TaskStatus.COMPLETED)
				return task;
			Thread.sleep(200);
		}
		return null;
	}

	private static void awaitCondition(String description, java.util.function.BooleanSupplier condition)
			throws InterruptedException
	{
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!condition.getAsBoolean())
		{
			if (System.nanoTime() > deadline)
				throw new AssertionError("no " + description + " within " + TIMEOUT);
			Thread.sleep(200);
		}
	}

	private static long millisSince(long nanos)
	{
		return (System.nanoTime() - nanos) / 1_000_000;
	}
}
