package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.server.AuthorizationTestServer.path;
import static org.dsftestbed.fhir.server.ServerFixture.LOCAL;
import static org.dsftestbed.fhir.server.ServerFixture.OTHER_REMOTE;
import static org.dsftestbed.fhir.server.ServerFixture.REMOTE;

import java.util.List;
import java.util.UUID;

import org.dsftestbed.fhir.authorization.Network;
import org.dsftestbed.fhir.authorization.Processes;
import org.dsftestbed.fhir.authorization.Tags;
import org.dsftestbed.fhir.authorization.lookup.DsfIdentifiers;
import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tasks over HTTPS (spec §3.4): what a draft and a requested Task must be to be created; the status changes the local
 * organization may make and what they must keep; that only draft Tasks are deleted; and that only the requester and
 * the local recipient read, search and see the history of a Task. The process of this class lets the local
 * organization, hrp.dsf.test and local DSF_ADMIN practitioners request it; which caller a process admits is the
 * subject of {@link ProcessAuthorizationHttpTest}.
 */
class TaskAuthorizationHttpTest
{
	private static final String ADMIN = "admin";

	private static AuthorizationTestServer server;
	private static TestProcess process;

	@BeforeAll
	static void start() throws Exception
	{
		server = AuthorizationTestServer.start(new AuthorizationTestServer.Practitioner(ADMIN, Network.DSF_ADMIN));
		process = TestProcess.unique();
		server.create(server.local, process.activityDefinition(List.of(Processes.localAll(),
				Processes.remoteOrganization(REMOTE), Processes.localAllPractitioner(Network.DSF_ADMIN)),
				List.of(Processes.localAll())));
	}

	@AfterAll
	static void stop()
	{
		server.close();
	}

	private static Task fromRemote() throws Exception
	{
		return server.create(server.remote, process.requested(REMOTE, LOCAL));
	}

	private static Task draft() throws Exception
	{
		return server.create(server.local, process.draft(LOCAL, UUID.randomUUID().toString()));
	}

	private static Task withBusinessKey(Task task)
	{
		return task.addInput(TestProcess.input("business-key", UUID.randomUUID().toString()));
	}

	private static Task withErrorOutput(Task task)
	{
		Task.TaskOutputComponent output = task.addOutput().setValue(new StringType("went wrong"));
		output.getType().addCoding().setSystem(TestProcess.BPMN_MESSAGE).setCode("error");
		return task;
	}

	// --- create requested

	@Test
	void requestedTaskOfTheLocalOrganizationAnAuthorizedRemoteOrAPractitionerIsCreated() throws Exception
	{
		assertThat(server.create(server.local, process.requested(LOCAL, LOCAL)).getStatus())
				.isEqualTo(TaskStatus.REQUESTED);
		assertThat(fromRemote().getStatus()).isEqualTo(TaskStatus.REQUESTED);
		assertThat(server.create(server.practitioner(ADMIN), process.requested(LOCAL, LOCAL)).getStatus())
				.isEqualTo(TaskStatus.REQUESTED);
	}

	@ParameterizedTest
	@EnumSource(value = TaskStatus.class, names = { "RECEIVED", "ACCEPTED", "INPROGRESS", "COMPLETED", "FAILED",
			"CANCELLED" })
	void taskIsCreatedOnlyAsDraftOrRequested(TaskStatus status) throws Exception
	{
		server.assertCreateRefused(server.local, process.requested(LOCAL, LOCAL).setStatus(status), "Task.status");
		server.assertCreateRefused(server.remote, process.requested(REMOTE, LOCAL).setStatus(status), "Task.status");
	}

	@Test
	void requesterMustBeTheCallersOwnOrganization() throws Exception
	{
		server.assertCreateRefused(server.local, process.requested(REMOTE, LOCAL), "Task.requester");
		server.assertCreateRefused(server.remote, process.requested(OTHER_REMOTE, LOCAL), "Task.requester");
		server.assertCreateRefused(server.remote, process.requested(LOCAL, LOCAL), "Task.requester");
	}

	@Test
	void recipientMustBeTheLocalOrganizationAlone() throws Exception
	{
		server.assertCreateRefused(server.remote, process.requested(REMOTE, OTHER_REMOTE), "Task.restriction.recipient");
		server.assertCreateRefused(server.local, process.requested(LOCAL, REMOTE), "Task.restriction.recipient");

		Task twoRecipients = process.requested(REMOTE, LOCAL);
		twoRecipients.getRestriction().addRecipient(Network.logicalOrganization(LOCAL));
		server.assertCreateRefused(server.remote, twoRecipients, "Task.restriction.recipient");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://dsf.test/bpe/Process/%s", "http://dsf.test/bpe/Process/%s|1",
			"http://dsf.test/bpe/Process/%s|1.0.0", "http://localhost/bpe/Process/%s|1.0",
			"http://dsf.test/fhir/ActivityDefinition/%s|1.0", "dsf.test/bpe/Process/%s|1.0" })
	void instantiatesCanonicalMustNameAProcessAndItsVersion(String pattern) throws Exception
	{
		String name = process.url().substring(process.url().lastIndexOf('/') + 1);
		Task task = process.requested(REMOTE, LOCAL).setInstantiatesCanonical(String.format(pattern, name));

		server.assertCreateRefused(server.remote, task, "Task.instantiatesCanonical");
	}

	@Test
	void exactlyOneMessageNameAndNoOutputIsSent() throws Exception
	{
		Task noMessageName = process.requested(REMOTE, LOCAL);
		noMessageName.getInput().clear();
		server.assertCreateRefused(server.remote, noMessageName, "message-name");

		Task twoMessageNames = process.requested(REMOTE, LOCAL);
		twoMessageNames.addInput(TestProcess.input("message-name", "other"));
		server.assertCreateRefused(server.remote, twoMessageNames, "message-name");

		server.assertCreateRefused(server.remote, withErrorOutput(process.requested(REMOTE, LOCAL)), "Task.output");
	}

	@Test
	void requestedTaskCarriesNoTaskIdentifier() throws Exception
	{
		Task task = process.requested(REMOTE, LOCAL);
		task.addIdentifier().setSystem(DsfIdentifiers.TASK).setValue(UUID.randomUUID().toString());

		server.assertCreateRefused(server.remote, task, "Task.identifier");
	}

	@Test
	void processNeedsAnActivityDefinitionInStatusDraftOrActive() throws Exception
	{
		TestProcess withoutDefinition = TestProcess.unique();
		server.assertCreateRefused(server.remote, withoutDefinition.requested(REMOTE, LOCAL), "no ActivityDefinition");

		TestProcess retired = TestProcess.unique();
		server.create(server.local, retired.activityDefinition(Processes.remoteAll(), Processes.localAll())
				.setStatus(PublicationStatus.RETIRED));
		server.assertCreateRefused(server.remote, retired.requested(REMOTE, LOCAL), "no ActivityDefinition");

		TestProcess draft = TestProcess.unique();
		server.create(server.local, draft.activityDefinition(Processes.remoteAll(), Processes.localAll())
				.setStatus(PublicationStatus.DRAFT));
		server.create(server.remote, draft.requested(REMOTE, LOCAL));
	}

	// --- create draft

	@Test
	void draftTaskOfTheLocalOrganizationNeedsAnUnusedTaskIdentifier() throws Exception
	{
		Task draft = draft();
		String identifier = draft.getIdentifierFirstRep().getValue();

		server.assertCreateRefused(server.local, process.draft(LOCAL, identifier), "already exists");

		Task withoutIdentifier = process.draft(LOCAL, identifier);
		withoutIdentifier.getIdentifier().clear();
		server.assertCreateRefused(server.local, withoutIdentifier, "Task.identifier");

		Task twoIdentifiers = process.draft(LOCAL, UUID.randomUUID().toString());
		twoIdentifiers.addIdentifier().setSystem(DsfIdentifiers.TASK).setValue(UUID.randomUUID().toString());
		server.assertCreateRefused(server.local, twoIdentifiers, "Task.identifier");
	}

	@Test
	void draftTaskIsForTheLocalOrganizationItselfOnly() throws Exception
	{
		server.assertCreateRefused(server.remote, process.draft(REMOTE, UUID.randomUUID().toString())
				.setRestriction(process.requested(REMOTE, LOCAL).getRestriction()), "draft Tasks");
		server.assertCreateRefused(server.practitioner(ADMIN), process.draft(LOCAL, UUID.randomUUID().toString()),
				"draft Tasks");

		Task requesterRemote = process.draft(LOCAL, UUID.randomUUID().toString()).setRequester(
				Network.logicalOrganization(REMOTE));
		server.assertCreateRefused(server.local, requesterRemote, "Task.requester");
	}

	@Test
	void draftTaskOfAProcessWithoutActivityDefinitionIsRefused() throws Exception
	{
		// DSF 1.9.0 checks the canonical Task.instantiatesCanonical against its ActivityDefinitions (403)
		Task draft = TestProcess.unique().draft(LOCAL, UUID.randomUUID().toString());
		long writes = server.store().writeCount("Task");

		HttpsTestClient.Response response = server.local.postJson("Task", draft);

		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(server.store().writeCount("Task")).isEqualTo(writes);
	}

	@Test
	void requestedTaskOfAProcessTheRequesterCannotReadIsRefused() throws Exception
	{
		// DSF 1.9.0 resolves Task.instantiatesCanonical with the caller's read access: a LOCAL-tagged
		// ActivityDefinition is not found for a remote requester (403), whatever its process authorization says
		TestProcess hidden = TestProcess.unique();
		ActivityDefinition activityDefinition = hidden.activityDefinition(Processes.remoteAll(), Processes.localAll());
		activityDefinition.getMeta().getTag().clear();
		server.create(server.local, Tags.tagged(activityDefinition, Tags.local()));
		long writes = server.store().writeCount("Task");

		HttpsTestClient.Response response = server.remote.postJson("Task", hidden.requested(REMOTE, LOCAL));

		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(server.store().writeCount("Task")).isEqualTo(writes);
	}

	// --- update

	@Test
	void requestedGoesInProgressAndCompletesByTheLocalOrganizationOnly() throws Exception
	{
		Task task = fromRemote();

		server.assertUpdateRefused(server.remote, withBusinessKey(task.copy().setStatus(TaskStatus.INPROGRESS)),
				"only be updated by the local organization");
		server.assertUpdateRefused(server.practitioner(ADMIN),
				withBusinessKey(task.copy().setStatus(TaskStatus.INPROGRESS)),
				"only be updated by the local organization");
		Task inProgress = server.update(server.local, withBusinessKey(task.copy().setStatus(TaskStatus.INPROGRESS)));

		server.assertUpdateRefused(server.local, inProgress.copy(), "in-progress -> in-progress");
		server.assertUpdateRefused(server.remote, inProgress.copy().setStatus(TaskStatus.COMPLETED),
				"only be updated by the local organization");
		Task completed = server.update(server.local, withErrorOutput(inProgress.copy().setStatus(TaskStatus.COMPLETED)));
		assertThat(completed.getMeta().getVersionId()).isEqualTo("3");

		server.assertUpdateRefused(server.local, completed.copy().setStatus(TaskStatus.INPROGRESS), "not allowed");
		server.assertUpdateRefused(server.local, completed.copy().setStatus(TaskStatus.FAILED), "not allowed");
	}

	@Test
	void requestedOrInProgressTaskFails() throws Exception
	{
		Task requested = fromRemote();
		assertThat(server.update(server.local, withBusinessKey(requested.setStatus(TaskStatus.FAILED))).getStatus())
				.isEqualTo(TaskStatus.FAILED);

		Task inProgress = server.update(server.local,
				withBusinessKey(fromRemote().setStatus(TaskStatus.INPROGRESS)));
		assertThat(server.update(server.local, withErrorOutput(inProgress.setStatus(TaskStatus.FAILED))).getStatus())
				.isEqualTo(TaskStatus.FAILED);
	}

	@ParameterizedTest
	@EnumSource(value = TaskStatus.class, names = { "REQUESTED", "COMPLETED", "ACCEPTED", "CANCELLED" })
	void requestedTaskMovesOnlyToInProgressOrFailed(TaskStatus status) throws Exception
	{
		server.assertUpdateRefused(server.local, fromRemote().setStatus(status), "not allowed");
	}

	@Test
	void statusChangeKeepsWhatTheRequesterSent() throws Exception
	{
		Task task = fromRemote().setStatus(TaskStatus.INPROGRESS);

		Task otherMessage = task.copy();
		otherMessage.getInputFirstRep().setValue(new StringType("other"));
		server.assertUpdateRefused(server.local, otherMessage, "Task.input");

		Task extraInput = withBusinessKey(task.copy());
		extraInput.addInput(TestProcess.input("correlation-key", UUID.randomUUID().toString()));
		server.assertUpdateRefused(server.local, extraInput, "Task.input");

		server.assertUpdateRefused(server.local,
				withBusinessKey(task.copy().setRequester(Network.logicalOrganization(LOCAL))), "Task.requester");
		server.assertUpdateRefused(server.local, withBusinessKey(task.copy().setInstantiatesCanonical(
				process.url() + "|1.1")), "Task.instantiatesCanonical");
		server.assertUpdateRefused(server.local, withErrorOutput(withBusinessKey(task.copy())), "Task.output");

		server.update(server.local, withBusinessKey(task));
	}

	@Test
	void draftStaysDraftWithItsIdentifier() throws Exception
	{
		Task draft = draft();

		Task otherIdentifier = draft.copy();
		otherIdentifier.getIdentifierFirstRep().setValue(UUID.randomUUID().toString());
		server.assertUpdateRefused(server.local, otherIdentifier, "must not change");
		server.assertUpdateRefused(server.local, draft.copy().setStatus(TaskStatus.REQUESTED), "not allowed");
		server.assertUpdateRefused(server.remote, draft.copy(), "only be updated by the local organization");

		Task described = draft.copy();
		described.setDescription("a template");
		assertThat(server.update(server.local, described).getDescription()).isEqualTo("a template");
	}

	// --- delete

	@Test
	void onlyDraftTasksAreDeletedAndOnlyByTheLocalOrganization() throws Exception
	{
		String draftId = draft().getIdElement().getIdPart();
		server.assertDeleteRefused(server.remote, "Task", draftId, "only be deleted by the local organization");
		server.assertDeleteRefused(server.practitioner(ADMIN), "Task", draftId,
				"only be deleted by the local organization");
		server.delete(server.local, "Task", draftId);

		String requestedId = fromRemote().getIdElement().getIdPart();
		server.assertDeleteRefused(server.local, "Task", requestedId, "only draft Tasks");
	}

	@Test
	void permanentDeleteNeedsADeletableTask() throws Exception
	{
		Task requested = fromRemote();
		String before = server.storedState("Task", requested.getIdElement().getIdPart());
		HttpsTestClient.Response refused = server.local.send("POST", path(requested) + "/$permanent-delete", null,
				"Accept", "application/fhir+json");
		AuthorizationTestServer.assertRefusedByRule(refused, "Task", "only draft Tasks");
		assertThat(server.storedState("Task", requested.getIdElement().getIdPart())).isEqualTo(before);

		Task draft = draft();
		server.delete(server.local, "Task", draft.getIdElement().getIdPart());
		HttpsTestClient.Response deleted = server.local.send("POST", path(draft) + "/$permanent-delete", null,
				"Accept", "application/fhir+json");
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
		assertThat(server.store().read("Task", draft.getIdElement().getIdPart()))
				.isInstanceOf(ResourceStore.Missing.class);
	}

	// --- read, search, history

	@Test
	void requesterAndLocalRecipientReadSearchAndSeeHistoryOthersDoNot() throws Exception
	{
		Task task = fromRemote();
		String id = task.getIdElement().getIdPart();

		for (HttpsTestClient reader : List.of(server.remote, server.local, server.practitioner(ADMIN)))
		{
			assertThat(server.read(reader, path(task))).isEqualTo(200);
			assertThat(server.search(reader, "Task?_id=" + id)).containsExactly(path(task));
			assertThat(server.history(reader, path(task) + "/_history")).containsExactly(path(task) + "/_history/1");
		}

		server.assertReadRefused(server.otherRemote, path(task));
		server.assertReadRefused(server.otherRemote, path(task) + "/_history/1");
		assertThat(server.search(server.otherRemote, "Task?_id=" + id)).isEmpty();
		assertThat(server.history(server.otherRemote, path(task) + "/_history")).isEmpty();
		assertThat(server.history(server.otherRemote, "Task/_history")).doesNotContain(path(task) + "/_history/1");
	}

	@Test
	void localTaskIsHiddenFromRemoteOrganizations() throws Exception
	{
		Task local = server.create(server.local, process.requested(LOCAL, LOCAL));

		server.assertReadRefused(server.remote, path(local));
		assertThat(server.search(server.remote, "Task?_id=" + local.getIdElement().getIdPart())).isEmpty();
	}

	@Test
	void remoteSearchFindsOnlyTasksItRequested() throws Exception
	{
		fromRemote();
		server.create(server.local, process.requested(LOCAL, LOCAL));

		HttpsTestClient.Response response = server.remote.get("Task?status=requested&_count=500", "Accept",
				"application/fhir+json");
		List<Task> found = response.resource(org.hl7.fhir.r4.model.Bundle.class).getEntry().stream()
				.filter(e -> e.getResource() instanceof Task).map(e -> (Task) e.getResource()).toList();

		assertThat(found).isNotEmpty().allSatisfy(t -> assertThat(t.getRequester().getIdentifier().getValue())
				.isEqualTo(REMOTE));
	}
}
