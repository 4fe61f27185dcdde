package org.dsftestbed.bpe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.dsftestbed.bpe.twoorg.TwoOrgPingConfig;
import org.dsftestbed.bpe.twoorg.TwoOrgPingPlugin;
import org.dsftestbed.client.OrgClient;
import org.dsftestbed.client.TaskWaitTimeoutException;
import org.dsftestbed.runtime.embedded.EmbeddedNetwork;
import org.dsftestbed.runtime.embedded.TestNetworks;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two-organization process run: dic.dsf.test (A) and hrp.dsf.test (B) booted by the embedded runtime, each with
 * its FHIR server and {@link OrganizationBpe} running the {@link TwoOrgPingPlugin}. A start Task at A runs ping, which
 * sends a Task ping to B; B's pong process answers with a Task pong to A, correlated by business key and correlation
 * key.
 */
class TwoOrganizationPingPongTest
{
	private static final String A = "dic.dsf.test";
	private static final String B = "hrp.dsf.test";
	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String NETWORK = """
			name: two-org-ping
			parents:
			  - identifier: medizininformatik-initiative.de
			organizations:
			  - identifier: dic.dsf.test
			    roles: {medizininformatik-initiative.de: [DIC]}
			    environment: {DEV_DSF_TESTBED_PING_TARGET: hrp.dsf.test}
			  - identifier: hrp.dsf.test
			    roles: {medizininformatik-initiative.de: [HRP]}
			""";

	private static EmbeddedNetwork network;
	private static OrgClient clientA;
	private static OrgClient clientB;

	@BeforeAll
	static void start()
	{
		TwoOrgPingConfig.DEPLOYED.clear(); // other networks of this JVM may have run the plugin before
		network = TestNetworks.boot("two-org-ping", NETWORK, TestNetworks.twoOrgPingPlugin());
		clientA = OrgClient.of(network.organization(A));
		clientB = OrgClient.of(network.organization(B));
	}

	@AfterAll
	static void stop()
	{
		for (AutoCloseable c : new AutoCloseable[] { clientA, clientB, network })
			try
			{
				if (c != null)
					c.close();
			}
			catch (Exception e)
			{
				e.printStackTrace();
			}
	}

	private static OrganizationBpe bpe(String organization)
	{
		return network.organization(organization).bpe();
	}

	@Test
	void bothBpesLoadThePluginAndUploadItsResources()
	{
		for (String organization : List.of(A, B))
		{
			OrganizationBpe bpe = bpe(organization);
			assertThat(bpe.report().rejected()).isEmpty();
			assertThat(bpe.report().loaded()).singleElement()
					.satisfies(p -> assertThat(p.processIds()).hasSize(2));
			assertThat(bpe.report().resources()).isNotEmpty();
			assertThat(bpe.engine().activeProcessDefinition(TwoOrgPingPlugin.PING, "1.0")).isPresent();
			assertThat(bpe.engine().activeProcessDefinition(TwoOrgPingPlugin.PONG, "1.0")).isPresent();
		}
		assertThat(network.organization(B).fhirServer().store().current("ActivityDefinition", r -> true)).hasSize(2);
		assertThat(TwoOrgPingConfig.DEPLOYED).hasSize(2).allSatisfy(
				ids -> assertThat(ids).containsExactlyInAnyOrder(TwoOrgPingPlugin.PING, TwoOrgPingPlugin.PONG));
	}

	@Test
	void pingFromAIsAnsweredByBAndAsStartTaskCompletes()
	{
		String startId = clientA.startProcess("http://dsf.dev/bpe/Process/ping|1.0", List.of()).getIdElement()
				.getIdPart();
		try
		{
			clientA.awaitStatus(startId, TaskStatus.COMPLETED, TIMEOUT);
		}
		catch (TaskWaitTimeoutException e)
		{
			// say where A's process waits, with its local variables, instead of only that it timed out
			var runtime = bpe(A).engine().processEngine().getRuntimeService();
			String executions = runtime.createExecutionQuery().list().stream()
					.map(x -> x.getId() + " of " + x.getProcessInstanceId() + " local "
							+ runtime.getVariablesLocal(x.getId()).keySet())
					.collect(java.util.stream.Collectors.joining("; "));
			throw new AssertionError(e.getMessage() + "; executions at A: " + executions, e);
		}

		// A's start Task: v1 requested → v2 in-progress, business key appended → v3 completed, no error
		List<Task> startHistory = clientA.history(startId);
		assertThat(startHistory).extracting(Task::getStatus).containsExactly(TaskStatus.REQUESTED,
				TaskStatus.INPROGRESS, TaskStatus.COMPLETED);
		assertThat(startHistory).extracting(t -> t.getMeta().getVersionId()).containsExactly("1", "2", "3");
		Task inProgress = startHistory.get(1);
		assertThat(inProgress.getInput().get(inProgress.getInput().size() - 1).getType().getCodingFirstRep()
				.getCode()).isEqualTo("business-key");
		String businessKey = input(inProgress, "business-key");
		Task completed = startHistory.get(2);
		assertThat(OrgClient.errors(completed)).isEmpty();
		assertThat(completed.getOutput()).singleElement().satisfies(o ->
		{
			assertThat(o.getType().getCodingFirstRep().getSystem()).isEqualTo(TwoOrgPingPlugin.CODE_SYSTEM);
			assertThat(o.getType().getCodingFirstRep().getCode()).isEqualTo(TwoOrgPingPlugin.PONG_RECEIVED);
			assertThat(o.getValue().primitiveValue()).startsWith(clientA.baseUrl() + "/Task/");
		});

		// B received the ping from A, with A's business key and a correlation key, and completed it
		Task ping = onlyTask(clientB, "ping");
		List<Task> pingHistory = clientB.history(ping.getIdElement().getIdPart());
		assertThat(pingHistory).extracting(Task::getStatus).containsExactly(TaskStatus.REQUESTED,
				TaskStatus.INPROGRESS, TaskStatus.COMPLETED);
		assertThat(pingHistory.get(0).getRequester().getIdentifier().getValue()).isEqualTo(A);
		assertThat(input(pingHistory.get(0), "business-key")).isEqualTo(businessKey);
		String correlationKey = input(pingHistory.get(0), "correlation-key");
		assertThat(correlationKey).isNotNull();
		assertThat(pingHistory.get(2).getOutput()).isEmpty();
		assertThat(pingHistory.get(1).getInput()).hasSameSizeAs(pingHistory.get(0).getInput());

		// A received the pong from B with the same keys, correlated into the running ping and completed it
		Task pong = onlyTask(clientA, "pong");
		List<Task> pongHistory = clientA.history(pong.getIdElement().getIdPart());
		assertThat(pongHistory).extracting(Task::getStatus).containsExactly(TaskStatus.REQUESTED,
				TaskStatus.INPROGRESS, TaskStatus.COMPLETED);
		assertThat(pongHistory.get(0).getRequester().getIdentifier().getValue()).isEqualTo(B);
		assertThat(input(pongHistory.get(0), "business-key")).isEqualTo(businessKey);
		assertThat(input(pongHistory.get(0), "correlation-key")).isEqualTo(correlationKey);
		assertThat(completed.getOutputFirstRep().getValue().primitiveValue())
				.endsWith("/Task/" + pong.getIdElement().getIdPart());

		assertThat(bpe(A).engine().runningInstances()).isEmpty();
		assertThat(bpe(B).engine().runningInstances()).isEmpty();
	}

	/** The {@code bpmn-message} input's value, {@code null} if the Task has none. */
	private static String input(Task task, String code)
	{
		return OrgClient.stringInput(task, OrgClient.BPMN_MESSAGE_SYSTEM, code).orElse(null);
	}

	/** The one non-draft Task at the client's server whose message-name is {@code messageName}. */
	private static Task onlyTask(OrgClient client, String messageName)
	{
		List<Task> tasks = client.tasksWithMessageName(messageName);
		assertThat(tasks).as("Tasks with message-name " + messageName).hasSize(1);
		return tasks.get(0);
	}
}
