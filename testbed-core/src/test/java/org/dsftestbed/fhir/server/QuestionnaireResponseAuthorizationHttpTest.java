package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.server.AuthorizationTestServer.path;

import java.util.Date;
import java.util.UUID;

import org.dsftestbed.fhir.authorization.Network;
import org.dsftestbed.fhir.authorization.Tags;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * QuestionnaireResponses — the BPE's user tasks — over HTTPS (spec §3.2): local identities only, for create, read,
 * search, history, update and delete; created in-progress with exactly one user-task-id answered by one string and a
 * questionnaire; completed or stopped once, without changing user-task-id, business-key or questionnaire.
 */
class QuestionnaireResponseAuthorizationHttpTest
{
	private static final String PROFILE = "http://dsf.dev/fhir/StructureDefinition/questionnaire-response|1.0.0";
	private static final String ADMIN = "admin";

	private static AuthorizationTestServer server;
	private static Questionnaire questionnaire;

	@BeforeAll
	static void start() throws Exception
	{
		server = AuthorizationTestServer.start(new AuthorizationTestServer.Practitioner(ADMIN, Network.DSF_ADMIN));
		questionnaire = server.create(server.local, TestResources.questionnaire(
				AuthorizationTestServer.unique(TestResources.EXAMPLE + "Questionnaire/"), "1.0.0", Tags.all()));
	}

	@AfterAll
	static void stop()
	{
		server.close();
	}

	/** As the BPE creates it for a user task: in-progress, user-task-id and business-key answered. */
	private static QuestionnaireResponse userTask()
	{
		QuestionnaireResponse response = new QuestionnaireResponse().setStatus(QuestionnaireResponseStatus.INPROGRESS)
				.setQuestionnaire(questionnaire.getUrl() + "|" + questionnaire.getVersion()).setAuthored(new Date());
		response.getMeta().addProfile(PROFILE);
		response.setAuthor(Network.logicalOrganization(ServerFixture.LOCAL));
		item(response, "user-task-id", new StringType(UUID.randomUUID().toString()));
		item(response, "business-key", new StringType(UUID.randomUUID().toString()));
		return response;
	}

	private static void item(QuestionnaireResponse response, String linkId, Type answer)
	{
		response.addItem().setLinkId(linkId).setText("The " + linkId + " of the process execution").addAnswer()
				.setValue(answer);
	}

	private static QuestionnaireResponse.QuestionnaireResponseItemComponent itemOf(QuestionnaireResponse response,
			String linkId)
	{
		return response.getItem().stream().filter(i -> linkId.equals(i.getLinkId())).findFirst().orElseThrow();
	}

	private static QuestionnaireResponse created() throws Exception
	{
		return server.create(server.local, userTask());
	}

	@Test
	void localOrganizationAndItsPractitionersCreateInProgressResponses() throws Exception
	{
		assertThat(created().getMeta().getVersionId()).isEqualTo("1");
		assertThat(server.create(server.practitioner(ADMIN), userTask()).getMeta().getVersionId()).isEqualTo("1");
	}

	@Test
	void createdResponseMustBeInProgressWithOneStringUserTaskIdAndAQuestionnaire() throws Exception
	{
		server.assertCreateRefused(server.local, userTask().setStatus(QuestionnaireResponseStatus.COMPLETED),
				"status");

		QuestionnaireResponse withoutUserTaskId = userTask();
		withoutUserTaskId.getItem().removeIf(i -> "user-task-id".equals(i.getLinkId()));
		server.assertCreateRefused(server.local, withoutUserTaskId, "user-task-id");

		QuestionnaireResponse twoUserTaskIds = userTask();
		item(twoUserTaskIds, "user-task-id", new StringType(UUID.randomUUID().toString()));
		server.assertCreateRefused(server.local, twoUserTaskIds, "user-task-id");

		QuestionnaireResponse numericUserTaskId = userTask();
		itemOf(numericUserTaskId, "user-task-id").getAnswerFirstRep().setValue(new IntegerType(42));
		server.assertCreateRefused(server.local, numericUserTaskId, "user-task-id");

		server.assertCreateRefused(server.local, userTask().setQuestionnaire(null), "questionnaire");
	}

	@Test
	void questionnaireOfTheResponseMustBeStoredOnTheServer() throws Exception
	{
		// DSF 1.9.0 checks the canonical QuestionnaireResponse.questionnaire against its Questionnaires (403)
		QuestionnaireResponse unknownQuestionnaire = userTask()
				.setQuestionnaire(AuthorizationTestServer.unique(TestResources.EXAMPLE + "Questionnaire/") + "|1.0.0");
		long writes = server.store().writeCount("QuestionnaireResponse");

		HttpsTestClient.Response response = server.local.postJson("QuestionnaireResponse", unknownQuestionnaire);

		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(server.store().writeCount("QuestionnaireResponse")).isEqualTo(writes);
	}

	@Test
	void remoteOrganizationsNeitherCreateNorReadSearchOrSeeHistory() throws Exception
	{
		server.assertCreateRefused(server.remote, userTask(), "may only be created by local identities");

		QuestionnaireResponse response = created();
		String id = response.getIdElement().getIdPart();

		assertThat(server.read(server.local, path(response))).isEqualTo(200);
		assertThat(server.search(server.local, "QuestionnaireResponse?_id=" + id)).containsExactly(path(response));
		for (HttpsTestClient remote : new HttpsTestClient[] { server.remote, server.otherRemote })
		{
			server.assertReadRefused(remote, path(response));
			server.assertReadRefused(remote, path(response) + "/_history/1");
			assertThat(server.search(remote, "QuestionnaireResponse?_id=" + id)).isEmpty();
			assertThat(server.search(remote, "QuestionnaireResponse?status=in-progress")).isEmpty();
			assertThat(server.history(remote, path(response) + "/_history")).isEmpty();
			assertThat(server.history(remote, "QuestionnaireResponse/_history")).isEmpty();
		}
	}

	@Test
	void inProgressIsCompletedOnceByTheLocalOrganization() throws Exception
	{
		QuestionnaireResponse response = created();

		server.assertUpdateRefused(server.remote, response.copy().setStatus(QuestionnaireResponseStatus.COMPLETED),
				"may only be updated by local identities");
		server.assertUpdateRefused(server.local, response.copy(), "status in-progress");

		QuestionnaireResponse completed = server.update(server.local,
				response.copy().setStatus(QuestionnaireResponseStatus.COMPLETED));
		assertThat(completed.getMeta().getVersionId()).isEqualTo("2");

		server.assertUpdateRefused(server.local, completed.copy(), "only an in-progress");
		server.assertUpdateRefused(server.local, completed.copy().setStatus(QuestionnaireResponseStatus.STOPPED),
				"only an in-progress");
	}

	@Test
	void practitionerStopsAUserTask() throws Exception
	{
		QuestionnaireResponse response = created();

		QuestionnaireResponse stopped = server.update(server.practitioner(ADMIN),
				response.copy().setStatus(QuestionnaireResponseStatus.STOPPED));

		assertThat(stopped.getStatus()).isEqualTo(QuestionnaireResponseStatus.STOPPED);
	}

	@Test
	void completionKeepsUserTaskIdBusinessKeyAndQuestionnaire() throws Exception
	{
		QuestionnaireResponse response = created().setStatus(QuestionnaireResponseStatus.COMPLETED);

		QuestionnaireResponse otherUserTaskId = response.copy();
		itemOf(otherUserTaskId, "user-task-id").getAnswerFirstRep().setValue(new StringType("other"));
		server.assertUpdateRefused(server.local, otherUserTaskId, "'user-task-id' must not change");

		QuestionnaireResponse withoutUserTaskId = response.copy();
		withoutUserTaskId.getItem().removeIf(i -> "user-task-id".equals(i.getLinkId()));
		server.assertUpdateRefused(server.local, withoutUserTaskId, "user-task-id");

		QuestionnaireResponse otherBusinessKey = response.copy();
		itemOf(otherBusinessKey, "business-key").getAnswerFirstRep().setValue(new StringType("other"));
		server.assertUpdateRefused(server.local, otherBusinessKey, "'business-key' must not change");

		Questionnaire version2 = server.create(server.local,
				TestResources.questionnaire(questionnaire.getUrl(), "2.0.0", Tags.all()));
		server.assertUpdateRefused(server.local,
				response.copy().setQuestionnaire(version2.getUrl() + "|" + version2.getVersion()),
				"questionnaire must not change");

		server.update(server.local, response);
	}

	@Test
	void onlyTheLocalOrganizationDeletes() throws Exception
	{
		QuestionnaireResponse response = created();
		String id = response.getIdElement().getIdPart();

		server.assertDeleteRefused(server.remote, "QuestionnaireResponse", id, "may only be deleted by local identities");
		server.delete(server.local, "QuestionnaireResponse", id);
	}
}
