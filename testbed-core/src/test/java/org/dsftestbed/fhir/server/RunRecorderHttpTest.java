package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.UUID;

import org.dsftestbed.conformance.record.RecordedRequest;
import org.dsftestbed.conformance.record.Recording;
import org.dsftestbed.conformance.record.RunRecorder;
import org.dsftestbed.conformance.record.ScenarioMark;
import org.dsftestbed.conformance.record.TaskStateChange;
import org.dsftestbed.fhir.authorization.Processes;
import org.dsftestbed.time.NetworkClock;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The run recorder as a real FHIR server's listener: a Task's lifecycle written as DSF's BPE writes it (create by a
 * remote organization, updates by the local one, all with {@code Prefer: return=minimal}) shows as state changes
 * with ids and versions from the server, a refused update as a request with its status.
 */
class RunRecorderHttpTest
{
	private static final NetworkClock clock = new NetworkClock();
	private static final RunRecorder recorder = new RunRecorder(clock);
	private static ServerFixture fixture;
	private static HttpsTestClient local;
	private static HttpsTestClient remote;

	@BeforeAll
	static void start() throws Exception
	{
		fixture = new ServerFixture(config -> config.withListener(recorder));
		local = fixture.client(ServerFixture.LOCAL);
		remote = fixture.client(ServerFixture.REMOTE);
		FhirServerTaskTest.allowTestProcess(local);
		clock.advance(Duration.ofHours(2));
	}

	@AfterAll
	static void stop()
	{
		fixture.close();
	}

	@Test
	void taskLifecycleAndARefusedUpdateAreRecorded() throws Exception
	{
		ScenarioMark mark = recorder.startScenario("lifecycle");

		HttpsTestClient.Response created = remote.postJson("Task",
				FhirServerTaskTest.task(ServerFixture.REMOTE, ServerFixture.LOCAL, Processes.MESSAGE_NAME), "Prefer",
				"return=minimal");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.header("Location").replaceAll(".*/Task/([^/]+)/_history/.*", "$1");
		Task task = local.get("Task/" + id, "Accept", "application/fhir+json").resource(Task.class);

		String businessKey = UUID.randomUUID().toString();
		task.setStatus(TaskStatus.INPROGRESS).addInput(FhirServerTaskTest.input("business-key", businessKey));
		assertThat(local.putJson("Task/" + id, task, "Prefer", "return=minimal").status()).isEqualTo(200);

		HttpsTestClient.Response refused = remote.putJson("Task/" + id, task.copy().setStatus(TaskStatus.COMPLETED));
		assertThat(refused.status()).isEqualTo(403);

		task.setStatus(TaskStatus.FAILED).addOutput().setValue(new StringType("Process not found"))
				.setType(new CodeableConcept()).getType().addCoding()
				.setSystem("http://dsf.dev/fhir/CodeSystem/bpmn-message").setCode("error");
		assertThat(local.putJson("Task/" + id, task, "Prefer", "return=minimal").status()).isEqualTo(200);

		Recording recording = recorder.endScenario(mark);

		assertThat(recording.taskStateChanges()).extracting(c -> c.task().version(), TaskStateChange::previousStatus,
				c -> c.task().status(), TaskStateChange::caller)
				.containsExactly(tuple("1", null, "requested", ServerFixture.REMOTE),
						tuple("2", "requested", "in-progress", ServerFixture.LOCAL),
						tuple("3", "in-progress", "failed", ServerFixture.LOCAL));
		assertThat(recording.taskStateChanges()).allSatisfy(c ->
		{
			assertThat(c.task().id()).isEqualTo(id);
			assertThat(c.server()).isEqualTo(ServerFixture.LOCAL);
			assertThat(c.task().messageName()).isEqualTo(Processes.MESSAGE_NAME);
		});
		assertThat(recording.taskStateChanges().get(2).task().errors()).containsExactly("Process not found");
		assertThat(recording.taskStateChanges().get(2).task().businessKey()).isEqualTo(businessKey);

		assertThat(recording.tasks()).singleElement().satisfies(t ->
		{
			assertThat(t.latest().status()).isEqualTo("failed");
			assertThat(t.latest().version()).isEqualTo("3");
		});

		assertThat(recording.requests()).anySatisfy(r ->
		{
			assertThat(r.request().method()).isEqualTo("PUT");
			assertThat(r.request().caller()).isEqualTo(ServerFixture.REMOTE);
			assertThat(r.request().status()).isEqualTo(403);
			assertThat(r.request().tasks()).as("a refused update wrote nothing").isEmpty();
			assertThat(r.crossOrganization()).isTrue();
		});
		assertThat(recording.crossOrganizationRequests()).extracting(r -> r.request().method() + " " + r.request().status())
				.containsExactly("POST 201", "PUT 403");
		assertThat(recording.requests()).as("the ActivityDefinition posted before the scenario is not part of it")
				.noneMatch(r -> "ActivityDefinition".equals(r.request().resourceType()));

		RecordedRequest first = recording.requests().get(0);
		assertThat(Duration.between(first.time(), first.networkTime())).isGreaterThanOrEqualTo(Duration.ofHours(2))
				.isLessThan(Duration.ofHours(3));
	}
}
