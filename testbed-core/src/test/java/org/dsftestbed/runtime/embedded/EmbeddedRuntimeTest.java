package org.dsftestbed.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dsftestbed.client.OrgClient;
import org.dsftestbed.fhir.server.HttpsTestClient;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkDefinitionReader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded runtime boots the tutorial network from YAML with the two-organization ping test plugin: every
 * organization has its server on its own loopback port with everyone on its allow list, processes run across
 * organizations, the faults do what they say, and closing releases the ports.
 */
class EmbeddedRuntimeTest
{
	private static final String DIC = "dic.dsf.test";
	private static final String HRP = "hrp.dsf.test";
	private static final String COS = "cos.dsf.test";
	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	static final String NETWORK = """
			name: runtime-test
			parents:
			  - identifier: medizininformatik-initiative.de
			organizations:
			  - identifier: dic.dsf.test
			    roles: {medizininformatik-initiative.de: [DIC]}
			    environment: {DEV_DSF_TESTBED_PING_TARGET: hrp.dsf.test}
			  - identifier: cos.dsf.test
			    roles: {medizininformatik-initiative.de: [COS]}
			  - identifier: hrp.dsf.test
			    roles: {medizininformatik-initiative.de: [HRP]}
			""";

	private static EmbeddedNetwork network;
	private static final List<String> progress = new ArrayList<>();

	@BeforeAll
	static void boot() throws Exception
	{
		network = EmbeddedRuntime.boot(EmbeddedNetworkOptions.of(TestNetworks.definition("runtime-test", NETWORK))
				.withPlugins(List.of(TestNetworks.twoOrgPingPlugin())).withProgress(line ->
				{
					System.out.println(line);
					synchronized (progress)
					{
						progress.add(line);
					}
				}));
	}

	@AfterAll
	static void close()
	{
		if (network != null)
			network.close();
	}

	@Test
	void everyOrganizationRunsOnItsOwnFourDigitLoopbackPortWithTheWholeAllowList()
	{
		assertThat(network.organizations()).extracting(EmbeddedOrganization::identifier).containsExactly(DIC, COS,
				HRP);
		assertThat(network.organizations()).extracting(o -> URI.create(o.fhirBaseUrl()).getPort()).doesNotHaveDuplicates()
				.allSatisfy(port -> assertThat(port).isBetween(1000, 9999));
		for (EmbeddedOrganization organization : network.organizations())
		{
			assertThat(organization.fhirBaseUrl()).startsWith("https://localhost:").endsWith("/fhir");
			assertThat(organization.bpe().report().loaded()).hasSize(1);
			assertThat(organization.fhirServer().store().current("Organization", r -> true))
					.extracting(r -> ((Organization) r).getIdentifierFirstRep().getValue())
					.contains(DIC, COS, HRP, "medizininformatik-initiative.de");
		}
		assertThat(progress).anyMatch(l -> l.contains(DIC) && l.contains("FHIR server"))
				.anyMatch(l -> l.contains(HRP) && l.contains("BPE ready")).last().asString()
				.startsWith("Network runtime-test ready in");
	}

	@Test
	void organizationsAreFoundByIdentifierOrHostnameAndUnknownOnesAreNamed()
	{
		assertThat(network.organization(DIC).identifier()).isEqualTo(DIC);
		assertThatThrownBy(() -> network.organization("Test_DIC_9")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("Test_DIC_9").hasMessageContaining(DIC + ", " + COS + ", " + HRP);
	}

	@Test
	void aProcessRunsAcrossOrganizations()
	{
		try (OrgClient dic = OrgClient.of(network.organization(DIC)))
		{
			Task start = dic.startProcess("http://dsf.dev/bpe/Process/ping|1.0", List.of());
			Task completed = dic.awaitStatus(start.getIdElement().getIdPart(), TaskStatus.COMPLETED, TIMEOUT);
			assertThat(OrgClient.errors(completed)).isEmpty();
			assertThat(dic.history(start.getIdElement().getIdPart())).extracting(Task::getStatus)
					.containsExactly(TaskStatus.REQUESTED, TaskStatus.INPROGRESS, TaskStatus.COMPLETED);
		}
		try (OrgClient hrp = OrgClient.of(network.organization(HRP)))
		{
			assertThat(hrp.tasksWithMessageName("ping")).isNotEmpty().allSatisfy(t ->
			{
				assertThat(t.getRequester().getIdentifier().getValue()).isEqualTo(DIC);
				assertThat(t.getStatus()).isEqualTo(TaskStatus.COMPLETED);
			});
		}
	}

	@Test
	void aTaskArrivingWhileTheBpeIsPausedStaysRequestedAndIsStartedAfterResume() throws Exception
	{
		try (OrgClient dic = OrgClient.of(network.organization(DIC)); OrgClient hrp = OrgClient.of(network.organization(HRP)))
		{
			network.faults().pauseBpe(HRP);
			String startId;
			String businessKey;
			try
			{
				startId = dic.startProcess("http://dsf.dev/bpe/Process/ping|1.0", List.of()).getIdElement().getIdPart();
				Task started = dic.awaitStatus(startId, TaskStatus.INPROGRESS, TIMEOUT);
				businessKey = OrgClient.stringInput(started, OrgClient.BPMN_MESSAGE_SYSTEM, "business-key").orElseThrow();
				Task ping = hrp.awaitTask("ping with business key " + businessKey,
						t -> OrgClient.stringInput(t, OrgClient.BPMN_MESSAGE_SYSTEM, "business-key")
								.filter(businessKey::equals).isPresent(), TIMEOUT);
				// a running BPE takes a Task in milliseconds; a paused one leaves it alone
				Thread.sleep(1_000);
				assertThat(hrp.read(ping.getIdElement().getIdPart()).getStatus()).isEqualTo(TaskStatus.REQUESTED);
				assertThat(dic.read(startId).getStatus()).isEqualTo(TaskStatus.INPROGRESS);
			}
			finally
			{
				network.faults().resumeBpe(HRP);
			}
			dic.awaitStatus(startId, TaskStatus.COMPLETED, TIMEOUT);
			assertThat(hrp.tasksWithBusinessKey(businessKey)).singleElement().satisfies(ping -> assertThat(
					hrp.history(ping.getIdElement().getIdPart())).extracting(Task::getStatus).containsExactly(
							TaskStatus.REQUESTED, TaskStatus.INPROGRESS, TaskStatus.COMPLETED));
		}
	}

	@Test
	void resumingABpeThatIsNotPausedKeepsItTakingTasksAndUnknownOrganizationsAreNamed()
	{
		network.faults().resumeBpe(HRP);
		try (OrgClient dic = OrgClient.of(network.organization(DIC)))
		{
			String startId = dic.startProcess("http://dsf.dev/bpe/Process/ping|1.0", List.of()).getIdElement()
					.getIdPart();
			assertThat(dic.awaitStatus(startId, TaskStatus.COMPLETED, TIMEOUT).getStatus())
					.isEqualTo(TaskStatus.COMPLETED);
		}
		assertThatThrownBy(() -> network.faults().pauseBpe("Test_DIC_9")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("Test_DIC_9");
	}

	@Test
	void anOfflineOrganizationRefusesConnectionsUntilItIsBackOnline() throws Exception
	{
		EmbeddedOrganization cos = network.organization(COS);
		HttpsTestClient asDic = new HttpsTestClient(cos.fhirBaseUrl(), network.organization(DIC).clientCertificate(),
				cos.trustedCas());
		assertThat(asDic.get("metadata").status()).isEqualTo(200);

		network.faults().takeOffline(COS);
		try
		{
			assertThat(cos.isOnline()).isFalse();
			assertThatThrownBy(() -> asDic.get("metadata")).isInstanceOf(ConnectException.class);
		}
		finally
		{
			network.faults().bringOnline(COS);
		}
		assertThat(cos.isOnline()).isTrue();
		assertThat(new HttpsTestClient(cos.fhirBaseUrl(), network.organization(DIC).clientCertificate(),
				cos.trustedCas()).get("metadata").status()).isEqualTo(200);
	}

	@Test
	void latencyDelaysEveryRequestUntilItIsRemoved() throws Exception
	{
		EmbeddedOrganization cos = network.organization(COS);
		HttpsTestClient client = new HttpsTestClient(cos.fhirBaseUrl(), cos.clientCertificate(), cos.trustedCas());
		client.get("metadata");
		network.faults().setLatency(COS, Duration.ofMillis(400));
		try
		{
			long start = System.nanoTime();
			assertThat(client.get("metadata").status()).isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		}
		finally
		{
			network.faults().setLatency(COS, Duration.ZERO);
		}
		assertThatThrownBy(() -> network.faults().setLatency(COS, Duration.ofMillis(-1)))
				.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anUnknownPluginEntryIsNamedWithItsOrganizationAndFile() throws Exception
	{
		NetworkDefinition definition = NetworkDefinitionReader.read("""
				name: broken
				parents:
				  - identifier: parent.test
				organizations:
				  - identifier: a.test
				    roles: {parent.test: [DIC]}
				    plugins: [no-such-plugin]
				""", "broken.yaml", "broken", Map.of());
		assertThatThrownBy(() -> EmbeddedRuntime.boot(EmbeddedNetworkOptions.of(definition)))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broken.yaml")
				.hasMessageContaining("a.test").hasMessageContaining("'no-such-plugin'")
				.hasMessageContaining("known: none");
	}
}
