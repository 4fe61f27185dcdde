package org.dsftestbed.bpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.bpe.OrganizationTasks.BPMN_MESSAGE;
import static org.dsftestbed.bpe.OrganizationTasks.awaitTerminal;
import static org.dsftestbed.bpe.OrganizationTasks.client;
import static org.dsftestbed.bpe.OrganizationTasks.code;
import static org.dsftestbed.bpe.OrganizationTasks.history;
import static org.dsftestbed.bpe.OrganizationTasks.input;
import static org.dsftestbed.bpe.OrganizationTasks.organization;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.dsftestbed.bpe.engine.NetworkEngines;
import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.bpe.twoorg.TwoOrgPingPlugin;
import org.dsftestbed.fhir.server.FhirServer;
import org.dsftestbed.fhir.server.LoopbackPorts;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkPresets;
import org.dsftestbed.pki.KeyType;
import org.dsftestbed.time.NetworkClock;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


import dev.dsf.fhir.client.FhirWebserviceClient;

/**
 * The first two-organization process run: tutorial network, dic.dsf.test (A) and hrp.dsf.test (B), each with its own
 * FHIR server on a loopback port (Endpoint addresses on the allow lists are those base URLs) and its own
 * {@link OrganizationBpe} running the {@link TwoOrgPingPlugin}. A start Task at A runs ping, which sends a Task ping
 * to B; B's pong process answers with a Task pong to A, correlated by business key and correlation key.
 */
class TwoOrganizationPingPongTest
{
	private static final String A = "dic.dsf.test";
	private static final String B = "hrp.dsf.test";
	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final NetworkDefinition network = NetworkPresets.load("tutorial");
	private static NetworkCertificates certificates;
	private static FhirServer serverA;
	private static FhirServer serverB;
	private static NetworkEngines engines;
	private static OrganizationBpe bpeA;
	private static OrganizationBpe bpeB;

	@BeforeAll
	static void start() throws Exception
	{
		// other test classes of this JVM (EmbeddedRuntimeTest) deploy the same plugin; count only this class's BPEs
		org.dsftestbed.bpe.twoorg.TwoOrgPingConfig.DEPLOYED.clear();
		certificates = NetworkCertificates.generate(network, KeyType.RSA_2048, Clock.systemUTC());
		Map<String, Integer> ports = Map.of(A, LoopbackPorts.free(), B, LoopbackPorts.free());
		Bundle allowList = LoopbackOrganizations.allowList(network, certificates, ports);
		serverA = LoopbackOrganizations.server(certificates, A, ports.get(A), allowList);
		serverB = LoopbackOrganizations.server(certificates, B, ports.get(B), allowList);

		engines = NetworkEngines.create("two-org-ping", new NetworkClock());
		Path plugin = Path.of(TwoOrganizationPingPongTest.class.getResource("/test-plugin/twoorg").toURI());
		PluginSource source = PluginSource.directory(plugin, "dsf-testbed-two-org-ping-1.0.0.0.jar");

		bpeA = OrganizationBpe.start(config(A, serverA, source, Map.of("DEV_DSF_TESTBED_PING_TARGET", B)));
		bpeB = OrganizationBpe.start(config(B, serverB, source, Map.of()));
	}

	private static OrganizationBpeConfig config(String organization, FhirServer server, PluginSource source,
			Map<String, String> environment)
	{
		return OrganizationBpeConfig.of(organization, server.baseUrl(),
				certificates.organization(organization).client(), certificates.pki().caCertificates(), engines)
				.withPlugins(List.of(source)).withEnvironment(environment);
	}

	@AfterAll
	static void stop()
	{
		for (AutoCloseable c : new AutoCloseable[] { bpeA, bpeB, engines, serverA, serverB })
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

	@Test
	void bothBpesLoadThePluginAndUploadItsResources()
	{
		for (OrganizationBpe bpe : List.of(bpeA, bpeB))
		{
			assertThat(bpe.report().rejected()).isEmpty();
			assertThat(bpe.report().loaded()).singleElement()
					.satisfies(p -> assertThat(p.processIds()).hasSize(2));
			assertThat(bpe.report().resources()).isNotEmpty();
			assertThat(bpe.engine().activeProcessDefinition(TwoOrgPingPlugin.PING, "1.0")).isPresent();
			assertThat(bpe.engine().activeProcessDefinition(TwoOrgPingPlugin.PONG, "1.0")).isPresent();
		}
		assertThat(serverB.store().current("ActivityDefinition", r -> true)).hasSize(2);
		assertThat(org.dsftestbed.bpe.twoorg.TwoOrgPingConfig.DEPLOYED).hasSize(2).allSatisfy(
				ids -> assertThat(ids).containsExactlyInAnyOrder(TwoOrgPingPlugin.PING, TwoOrgPingPlugin.PONG));
	}

	@Test
	void pingFromAIsAnsweredByBAndAsStartTaskCompletes() throws Exception
	{
		FhirWebserviceClient clientA = client(serverA, certificates, A);
		FhirWebserviceClient clientB = client(serverB, certificates, B);

		String startId = clientA.withMinimalReturn().create(startTask()).getIdPart();
		try
		{
			awaitTerminal(clientA, startId, TIMEOUT);
		}
		catch (AssertionError e)
		{
			// say where A's process waits, with its local variables, instead of only that it timed out
			var runtime = bpeA.engine().processEngine().getRuntimeService();
			String executions = runtime.createExecutionQuery().list().stream()
					.map(x -> x.getId() + " of " + x.getProcessInstanceId() + " local "
							+ runtime.getVariablesLocal(x.getId()).keySet())
					.collect(java.util.stream.Collectors.joining("; "));
			throw new AssertionError(e.getMessage() + "; executions at A: " + executions, e);
		}

		// A's start Task: v1 requested → v2 in-progress, business key appended → v3 completed, no error
		List<Task> startHistory = history(clientA, startId);
		assertThat(startHistory).extracting(Task::getStatus).containsExactly(TaskStatus.REQUESTED,
				TaskStatus.INPROGRESS, TaskStatus.COMPLETED);
		assertThat(startHistory).extracting(t -> t.getMeta().getVersionId()).containsExactly("1", "2", "3");
		Task inProgress = startHistory.get(1);
		assertThat(code(inProgress.getInput().get(inProgress.getInput().size() - 1))).isEqualTo("business-key");
		String businessKey = input(inProgress, "business-key").orElseThrow();
		Task completed = startHistory.get(2);
		assertThat(completed.getOutput()).noneMatch(o -> o.getType().getCodingFirstRep().getCode().equals("error"));
		assertThat(completed.getOutput()).singleElement().satisfies(o ->
		{
			assertThat(o.getType().getCodingFirstRep().getSystem()).isEqualTo(TwoOrgPingPlugin.CODE_SYSTEM);
			assertThat(o.getType().getCodingFirstRep().getCode()).isEqualTo(TwoOrgPingPlugin.PONG_RECEIVED);
			assertThat(((StringType) o.getValue()).getValue()).startsWith(serverA.baseUrl() + "/Task/");
		});

		// B received the ping from A, with A's business key and a correlation key, and completed it
		Task ping = onlyTask(serverB, "ping");
		List<Task> pingHistory = history(clientB, ping.getIdElement().getIdPart());
		assertThat(pingHistory).extracting(Task::getStatus).containsExactly(TaskStatus.REQUESTED,
				TaskStatus.INPROGRESS, TaskStatus.COMPLETED);
		assertThat(pingHistory.get(0).getRequester().getIdentifier().getValue()).isEqualTo(A);
		assertThat(input(pingHistory.get(0), "business-key")).contains(businessKey);
		String correlationKey = input(pingHistory.get(0), "correlation-key").orElseThrow();
		assertThat(pingHistory.get(2).getOutput()).isEmpty();
		assertThat(pingHistory.get(1).getInput()).hasSameSizeAs(pingHistory.get(0).getInput());

		// A received the pong from B with the same keys, correlated into the running ping and completed it
		Task pong = onlyTask(serverA, "pong");
		List<Task> pongHistory = history(clientA, pong.getIdElement().getIdPart());
		assertThat(pongHistory).extracting(Task::getStatus).containsExactly(TaskStatus.REQUESTED,
				TaskStatus.INPROGRESS, TaskStatus.COMPLETED);
		assertThat(pongHistory.get(0).getRequester().getIdentifier().getValue()).isEqualTo(B);
		assertThat(input(pongHistory.get(0), "business-key")).contains(businessKey);
		assertThat(input(pongHistory.get(0), "correlation-key")).contains(correlationKey);
		assertThat(((StringType) completed.getOutputFirstRep().getValue()).getValue())
				.endsWith("/Task/" + pong.getIdElement().getIdPart());

		assertThat(bpeA.engine().runningInstances()).isEmpty();
		assertThat(bpeB.engine().runningInstances()).isEmpty();
	}

	private static Task startTask()
	{
		Task task = new Task().setStatus(TaskStatus.REQUESTED).setIntent(TaskIntent.ORDER)
				.setInstantiatesCanonical("http://dsf.dev/bpe/Process/ping|1.0").setAuthoredOn(new Date());
		task.getMeta().addProfile("http://dsf.dev/fhir/StructureDefinition/task-start-ping|1.0");
		task.setRequester(organization(A));
		task.getRestriction().addRecipient(organization(A));
		task.addInput().setValue(new StringType("startPing")).getType().addCoding().setSystem(BPMN_MESSAGE)
				.setCode("message-name");
		return task;
	}

	/** The one non-draft Task on the server whose message-name is {@code messageName}. */
	private static Task onlyTask(FhirServer server, String messageName)
	{
		List<Task> tasks = server.store().current("Task", r -> true).stream().map(Task.class::cast)
				.filter(t -> t.getStatus() != TaskStatus.DRAFT)
				.filter(t -> input(t, "message-name").filter(messageName::equals).isPresent()).toList();
		assertThat(tasks).as("Tasks with message-name " + messageName).hasSize(1);
		return tasks.get(0);
	}
}
