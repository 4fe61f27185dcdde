package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Date;
import java.util.List;

import org.dsftestbed.fhir.authorization.Processes;
import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tasks over HTTPS as DSF processes send them: process authorization through the receiving server's
 * ActivityDefinition, profile validation against DSF's task-base, the Task lifecycle, and read access; every refusal
 * stores nothing.
 */
class FhirServerTaskTest
{
	private static final String TASK_PROFILE = "http://dsf.dev/fhir/StructureDefinition/task-base|1.0.0";

	private static final List<RequestRecord> records = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
	private static ServerFixture fixture;
	private static HttpsTestClient local;
	private static HttpsTestClient remote;
	private static HttpsTestClient otherRemote;

	@BeforeAll
	static void start() throws Exception
	{
		fixture = new ServerFixture(config -> config.withListener(records::add));
		local = fixture.client(ServerFixture.LOCAL);
		remote = fixture.client(ServerFixture.REMOTE);
		otherRemote = fixture.client(ServerFixture.OTHER_REMOTE);
		allowTestProcess(local);
	}

	/** The test process's ActivityDefinition: the remote organization and local users may start it. */
	static void allowTestProcess(HttpsTestClient local) throws Exception
	{
		ActivityDefinition process = new ActivityDefinition();
		process.getMeta().addTag("http://dsf.dev/fhir/CodeSystem/read-access-tag", "ALL", null);
		process.setUrl(Processes.PROCESS_URL).setVersion(Processes.PROCESS_VERSION).setStatus(PublicationStatus.ACTIVE)
				.setKind(ActivityDefinition.ActivityDefinitionKind.TASK);
		process.addExtension(Processes.authorization(Processes.MESSAGE_NAME, TASK_PROFILE,
				List.of(Processes.remoteOrganization(ServerFixture.REMOTE), Processes.localAll()),
				List.of(Processes.localAll())));
		HttpsTestClient.Response created = local.postJson("ActivityDefinition", process);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	@AfterAll
	static void stop()
	{
		fixture.close();
	}

	static Task task(String requester, String recipient, String messageName)
	{
		Task task = new Task().setStatus(TaskStatus.REQUESTED).setIntent(TaskIntent.ORDER)
				.setInstantiatesCanonical(Processes.INSTANTIATES_CANONICAL).setAuthoredOn(new Date());
		task.getMeta().addProfile(TASK_PROFILE);
		task.setRequester(organization(requester));
		task.getRestriction().addRecipient(organization(recipient));
		task.addInput(input("message-name", messageName));
		return task;
	}

	private static Reference organization(String identifier)
	{
		return new Reference().setType("Organization").setIdentifier(
				new Identifier().setSystem("http://dsf.dev/sid/organization-identifier").setValue(identifier));
	}

	static Task.ParameterComponent input(String code, String value)
	{
		Task.ParameterComponent input = new Task.ParameterComponent(new CodeableConcept(), new StringType(value));
		input.getType().addCoding().setSystem("http://dsf.dev/fhir/CodeSystem/bpmn-message").setCode(code);
		return input;
	}

	private static int tasks()
	{
		return fixture.server.store().current("Task", t -> true).size();
	}

	private static void assertRefusedAndNothingStored(HttpsTestClient client, Task task, String reasonPart)
			throws Exception
	{
		int before = tasks();
		HttpsTestClient.Response response = client.postJson("Task", task);
		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(response.resource(OperationOutcome.class).getIssueFirstRep().getDiagnostics()).contains(reasonPart);
		assertThat(tasks()).isEqualTo(before);
	}

	@Test
	void authorizedRemoteRequesterCreatesARequestedTask() throws Exception
	{
		HttpsTestClient.Response response = remote.postJson("Task",
				task(ServerFixture.REMOTE, ServerFixture.LOCAL, Processes.MESSAGE_NAME));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		Task created = response.resource(Task.class);
		assertThat(created.getRequester().hasReference()).as("logical reference as sent").isFalse();
		Task stored = (Task) ((ResourceStore.Found) fixture.server.store().read("Task",
				created.getIdElement().getIdPart())).resource();
		assertThat(stored.getRequester().getReference()).startsWith("Organization/");
		assertThat(stored.getRestriction().getRecipientFirstRep().getReference()).startsWith("Organization/");
	}

	@Test
	void taskRequestsAreRecordedWithTheirMessageName() throws Exception
	{
		String id = remote.postJson("Task", task(ServerFixture.REMOTE, ServerFixture.LOCAL, Processes.MESSAGE_NAME))
				.resource(Task.class).getIdElement().getIdPart();

		assertThat(records).anySatisfy(r ->
		{
			assertThat(r.method()).isEqualTo("POST");
			assertThat(r.resourceType()).isEqualTo("Task");
			assertThat(r.caller()).isEqualTo(ServerFixture.REMOTE);
			assertThat(r.status()).isEqualTo(201);
			assertThat(r.messageName()).isEqualTo(Processes.MESSAGE_NAME);
			assertThat(r.businessKey()).isNull();
		});
		assertThat(id).isNotBlank();
	}

	@Test
	void requesterMustBeTheCallersOwnOrganization() throws Exception
	{
		assertRefusedAndNothingStored(remote, task(ServerFixture.OTHER_REMOTE, ServerFixture.LOCAL, Processes.MESSAGE_NAME),
				"TaskAuthorizationRule");
	}

	@Test
	void recipientMustBeTheLocalOrganization() throws Exception
	{
		assertRefusedAndNothingStored(remote, task(ServerFixture.REMOTE, ServerFixture.OTHER_REMOTE, Processes.MESSAGE_NAME),
				"TaskAuthorizationRule");
	}

	@Test
	void organizationNotAuthorizedByTheActivityDefinitionIsRefused() throws Exception
	{
		assertRefusedAndNothingStored(otherRemote,
				task(ServerFixture.OTHER_REMOTE, ServerFixture.LOCAL, Processes.MESSAGE_NAME), "TaskAuthorizationRule");
	}

	@Test
	void unknownMessageNameIsRefused() throws Exception
	{
		assertRefusedAndNothingStored(remote, task(ServerFixture.REMOTE, ServerFixture.LOCAL, "somethingElse"),
				"TaskAuthorizationRule");
	}

	@Test
	void draftTasksOfRemoteOrganizationsAreRefused() throws Exception
	{
		Task draft = task(ServerFixture.REMOTE, ServerFixture.LOCAL, Processes.MESSAGE_NAME).setStatus(TaskStatus.DRAFT);
		draft.addIdentifier().setSystem("http://dsf.dev/sid/task-identifier").setValue("x");
		assertRefusedAndNothingStored(remote, draft, "TaskAuthorizationRule");
	}

	@Test
	void taskViolatingTheProfileIsRefusedByValidation() throws Exception
	{
		Task noAuthoredOn = task(ServerFixture.REMOTE, ServerFixture.LOCAL, Processes.MESSAGE_NAME);
		noAuthoredOn.setAuthoredOnElement(null);
		assertRefusedAndNothingStored(remote, noAuthoredOn, "authoredOn");
	}

	@Test
	void lifecycleRequestedInProgressCompletedByTheLocalOrganization() throws Exception
	{
		Task task = remote.postJson("Task", task(ServerFixture.REMOTE, ServerFixture.LOCAL, Processes.MESSAGE_NAME))
				.resource(Task.class);
		String id = task.getIdElement().getIdPart();

		task.setStatus(TaskStatus.INPROGRESS).addInput(input("business-key", java.util.UUID.randomUUID().toString()));
		HttpsTestClient.Response inProgress = local.putJson("Task/" + id, task, "If-Match", "W/\"1\"");
		assertThat(inProgress.status()).as(inProgress.body()).isEqualTo(200);
		task = inProgress.resource(Task.class);

		HttpsTestClient.Response again = local.putJson("Task/" + id, task);
		assertThat(again.status()).as("in-progress -> in-progress is forbidden in DSF 1.9.0").isEqualTo(403);

		HttpsTestClient.Response byRemote = remote.putJson("Task/" + id, task.copy().setStatus(TaskStatus.COMPLETED));
		assertThat(byRemote.status()).as("only the local organization updates Tasks").isEqualTo(403);

		HttpsTestClient.Response completed = local.putJson("Task/" + id, task.setStatus(TaskStatus.COMPLETED));
		assertThat(completed.status()).as(completed.body()).isEqualTo(200);
		assertThat(completed.header("ETag")).isEqualTo("W/\"3\"");
		assertThat(fixture.server.store().history("Task", id)).hasSize(3);
	}

	@Test
	void requesterAndRecipientReadTheTaskOthersDoNot() throws Exception
	{
		Task task = remote.postJson("Task", task(ServerFixture.REMOTE, ServerFixture.LOCAL, Processes.MESSAGE_NAME))
				.resource(Task.class);
		String id = task.getIdElement().getIdPart();

		assertThat(remote.get("Task/" + id).status()).isEqualTo(200);
		assertThat(local.get("Task/" + id).status()).isEqualTo(200);
		assertThat(otherRemote.get("Task/" + id).status()).isEqualTo(403);

		Bundle seenByOther = otherRemote.get("Task?_id=" + id, "Accept", "application/fhir+json").resource(Bundle.class);
		assertThat(seenByOther.getTotal()).isZero();
		Bundle seenByRequester = remote.get("Task?_id=" + id, "Accept", "application/fhir+json").resource(Bundle.class);
		assertThat(seenByRequester.getTotal()).isEqualTo(1);
		Task found = (Task) seenByRequester.getEntryFirstRep().getResource();
		assertThat(found.getRequester().hasReference()).as("search results show logical references as sent").isFalse();
		assertThat(found.getRestriction().getRecipientFirstRep().hasReference()).isFalse();
	}

	@Test
	void bpeCatchUpSearchFindsRequestedTasks() throws Exception
	{
		remote.postJson("Task", task(ServerFixture.REMOTE, ServerFixture.LOCAL, Processes.MESSAGE_NAME));
		Bundle requested = local.get("Task?status=requested&_count=20&_page=1&_sort=_lastUpdated", "Accept",
				"application/fhir+json").resource(Bundle.class);
		assertThat(requested.getTotal()).isPositive();
		assertThat(requested.getEntry()).allSatisfy(
				e -> assertThat(((Task) e.getResource()).getStatus()).isEqualTo(TaskStatus.REQUESTED));
	}
}
