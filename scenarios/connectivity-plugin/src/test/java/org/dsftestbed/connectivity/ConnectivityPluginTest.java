package org.dsftestbed.connectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.dsftestbed.bpe.plugin.LoadedPlugin;
import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.client.OrgClient;
import org.dsftestbed.connectivity.fhir.Connectivity;
import org.dsftestbed.connectivity.fhir.TargetResults;
import org.dsftestbed.network.NetworkPresets;
import org.dsftestbed.runtime.embedded.EmbeddedNetwork;
import org.dsftestbed.runtime.embedded.EmbeddedNetworkOptions;
import org.dsftestbed.runtime.embedded.EmbeddedOrganization;
import org.dsftestbed.runtime.embedded.EmbeddedRuntime;
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

/**
 * The connectivity plugin in the {@code 3dic-ttp} network (Test_DIC_1..3, Test_TTP; endpoints dic1..dic3, ttp): it
 * loads without findings, every organization reaches all others, and the three faults are classified as DSF's ping
 * would: offline → not-reachable, sender missing from the targets' allow lists → not-allowed (401), BPE not answering
 * → pong-missing after the pong timer (simulated time). Removing from the allow lists cannot be undone, so that test
 * runs last.
 */
@TestMethodOrder(OrderAnnotation.class)
class ConnectivityPluginTest
{
	private static final String PROCESS = Connectivity.PING_PROCESS_URL + "|1.0";
	private static final String DIC_1 = "Test_DIC_1";
	private static final String DIC_2 = "Test_DIC_2";
	private static final String DIC_3 = "Test_DIC_3";
	private static final String TTP = "Test_TTP";
	private static final Duration TIMEOUT = Duration.ofSeconds(30);
	private static final String PONG_RECEIVED = "pong-received";

	private static EmbeddedNetwork network;

	@BeforeAll
	static void boot()
	{
		PluginSource plugin = PluginSource.directory(Path.of("target/classes"), "dsf-testbed-connectivity-1.0.0.0.jar");
		network = EmbeddedRuntime.boot(EmbeddedNetworkOptions.of(NetworkPresets.load("3dic-ttp"))
				.withPlugins(List.of(plugin)).withProgress(System.out::println));
	}

	@AfterAll
	static void close()
	{
		if (network != null)
			network.close();
	}

	/** A finished connectivity ping: the start Task as completed and its business key. */
	private record Run(Task task, String businessKey)
	{
		/** endpoint identifier → code of the outputs of this type, in output order. */
		Map<String, String> outputs(String type)
		{
			Map<String, String> byEndpoint = new LinkedHashMap<>();
			for (TaskOutputComponent o : OrgClient.outputs(task, Connectivity.CODE_SYSTEM, type))
				byEndpoint.put(TargetResults.endpointIdentifier(o).orElseThrow(), ((Coding) o.getValue()).getCode());
			return byEndpoint;
		}

		Map<String, String> statuses()
		{
			return outputs(Connectivity.PING_STATUS);
		}

		Map<String, String> errors()
		{
			return outputs(Connectivity.ERROR);
		}
	}

	private static Run startAndAwaitCompletion(String organization)
	{
		try (OrgClient client = OrgClient.of(network.organization(organization)))
		{
			Run run = start(client);
			return new Run(client.awaitStatus(run.task().getIdElement().getIdPart(), TaskStatus.COMPLETED, TIMEOUT),
					run.businessKey());
		}
	}

	private static Run start(OrgClient client)
	{
		String id = client.startProcess(PROCESS, List.of()).getIdElement().getIdPart();
		Task inProgress = client.awaitStatus(id, TaskStatus.INPROGRESS, TIMEOUT);
		return new Run(inProgress, businessKey(inProgress));
	}

	private static String businessKey(Task task)
	{
		return OrgClient.stringInput(task, OrgClient.BPMN_MESSAGE_SYSTEM, "business-key").orElseThrow();
	}

	/** Tasks with the business key and message name at the organization's own server. */
	private static List<Task> tasksAt(String organization, String businessKey, String messageName)
	{
		try (OrgClient client = OrgClient.of(network.organization(organization)))
		{
			return client.tasksWithBusinessKey(businessKey).stream()
					.filter(t -> OrgClient.stringInput(t, OrgClient.BPMN_MESSAGE_SYSTEM, "message-name")
							.filter(messageName::equals).isPresent())
					.toList();
		}
	}

	private static void awaitCondition(String description, BooleanSupplier condition) throws InterruptedException
	{
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!condition.getAsBoolean())
		{
			if (System.nanoTime() > deadline)
				throw new AssertionError("no " + description + " within " + TIMEOUT);
			Thread.sleep(100);
		}
	}

	@Test
	@Order(1)
	void thePluginLoadsWithoutFindingsAtEveryOrganization()
	{
		for (EmbeddedOrganization organization : network.organizations())
		{
			assertThat(organization.bpe().report().rejected()).isEmpty();
			assertThat(organization.bpe().report().loaded()).singleElement().satisfies((LoadedPlugin p) ->
			{
				assertThat(p.name()).isEqualTo("dsf-testbed-connectivity");
				assertThat(p.findings()).isEmpty();
				assertThat(p.processIds()).extracting(id -> id.id()).containsExactly(Connectivity.PING_PROCESS,
						Connectivity.PONG_PROCESS);
			});
		}
	}

	@Test
	@Order(2)
	void everyOrganizationReachesAllOthers()
	{
		Map<String, String> endpoints = Map.of(DIC_1, "dic1", DIC_2, "dic2", DIC_3, "dic3", TTP, "ttp");
		for (String sender : List.of(DIC_1, DIC_2, DIC_3, TTP))
		{
			Run run = startAndAwaitCompletion(sender);

			Map<String, String> expected = new LinkedHashMap<>();
			endpoints.entrySet().stream().filter(e -> !e.getKey().equals(sender)).map(Map.Entry::getValue).sorted()
					.forEach(endpoint -> expected.put(endpoint, PONG_RECEIVED));
			assertThat(run.statuses()).as("statuses of %s", sender).containsExactlyEntriesOf(expected);
			assertThat(run.errors()).isEmpty();
			assertThat(OrgClient.errors(run.task())).isEmpty();

			for (String target : endpoints.keySet())
			{
				if (target.equals(sender))
					continue;
				assertThat(tasksAt(target, run.businessKey(), "ping")).as("ping from %s at %s", sender, target)
						.singleElement().satisfies(ping ->
						{
							assertThat(ping.getRequester().getIdentifier().getValue()).isEqualTo(sender);
							assertThat(ping.getStatus()).isEqualTo(TaskStatus.COMPLETED);
							assertThat(ping.getMeta().getProfile().get(0).getValue())
									.isEqualTo("http://testbed.dev/fhir/StructureDefinition/task-connectivity-ping|1.0");
						});
			}
			assertThat(tasksAt(sender, run.businessKey(), "pong")).hasSize(3)
					.allSatisfy(pong -> assertThat(pong.getStatus()).isEqualTo(TaskStatus.COMPLETED))
					.extracting(pong -> pong.getRequester().getIdentifier().getValue())
					.containsExactlyInAnyOrderElementsOf(endpoints.keySet().stream().filter(o -> !o.equals(sender)).toList());
		}
	}

	@Test
	@Order(3)
	void anOfflineOrganizationIsNotReachableAndTheOthersStillAnswer()
	{
		network.faults().takeOffline(DIC_3);
		Run run;
		try
		{
			run = startAndAwaitCompletion(DIC_1);
		}
		finally
		{
			network.faults().bringOnline(DIC_3);
		}

		assertThat(run.statuses()).containsExactly(entry("dic2", PONG_RECEIVED), entry("dic3", "not-reachable"),
				entry("ttp", PONG_RECEIVED));
		assertThat(run.errors()).containsExactly(entry("dic3", "send-message-http-host-connect"));
		assertThat(tasksAt(DIC_3, run.businessKey(), "ping")).isEmpty();
	}

	@Test
	@Order(4)
	void aTargetWhoseBpeDoesNotAnswerIsPongMissingOnceTheTimerRunsOut() throws InterruptedException
	{
		try (OrgClient dic1 = OrgClient.of(network.organization(DIC_1)))
		{
			network.faults().pauseBpe(DIC_2);
			Run run;
			try
			{
				run = start(dic1);
				// the other two answer at once; DIC_2's server holds the ping, unanswered
				String businessKey = run.businessKey();
				awaitCondition("two completed pongs for " + businessKey, () -> tasksAt(DIC_1, businessKey, "pong")
						.stream().filter(p -> p.getStatus() == TaskStatus.COMPLETED).count() == 2);
				assertThat(tasksAt(DIC_2, businessKey, "ping")).singleElement()
						.satisfies(ping -> assertThat(ping.getStatus()).isEqualTo(TaskStatus.REQUESTED));
				assertThat(dic1.read(run.task().getIdElement().getIdPart()).getStatus())
						.isEqualTo(TaskStatus.INPROGRESS);

				network.clock().advance(Duration.ofSeconds(21));
				run = new Run(dic1.awaitStatus(run.task().getIdElement().getIdPart(), TaskStatus.COMPLETED, TIMEOUT),
						businessKey);
			}
			finally
			{
				network.faults().resumeBpe(DIC_2);
			}

			assertThat(run.statuses()).containsExactly(entry("dic2", "pong-missing"), entry("dic3", PONG_RECEIVED),
					entry("ttp", PONG_RECEIVED));
			assertThat(run.errors()).containsExactly(entry("dic2", "response-message-timeout-status-requested"));

			// resumed, DIC_2 answers the late ping; DIC_1's process is over, so its BPE fails the late pong
			String businessKey = run.businessKey();
			awaitCondition("late pong from DIC_2 failed at DIC_1", () -> tasksAt(DIC_1, businessKey, "pong").stream()
					.anyMatch(p -> p.getStatus() == TaskStatus.FAILED));
			assertThat(tasksAt(DIC_2, businessKey, "ping")).singleElement()
					.satisfies(ping -> assertThat(ping.getStatus()).isEqualTo(TaskStatus.COMPLETED));
		}
	}

	@Test
	@Order(5)
	void aSenderMissingFromTheTargetsAllowListsIsNotAllowedEverywhere()
	{
		// TTP's own server still knows everyone, so the process starts and finds its targets; each target answers 401
		network.faults().removeFromAllowLists(TTP);
		Run run = startAndAwaitCompletion(TTP);

		assertThat(run.statuses()).containsExactly(entry("dic1", "not-allowed"), entry("dic2", "not-allowed"),
				entry("dic3", "not-allowed"));
		assertThat(run.errors()).containsExactly(entry("dic1", "send-message-http-401"),
				entry("dic2", "send-message-http-401"), entry("dic3", "send-message-http-401"));
		for (String target : List.of(DIC_1, DIC_2, DIC_3))
			assertThat(tasksAt(target, run.businessKey(), "ping")).as("ping at %s", target).isEmpty();
	}
}
