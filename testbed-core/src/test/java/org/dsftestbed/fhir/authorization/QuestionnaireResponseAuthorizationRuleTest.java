package org.dsftestbed.fhir.authorization;

import static org.dsftestbed.fhir.authorization.Decisions.assertAllowed;
import static org.dsftestbed.fhir.authorization.Decisions.assertRefused;

import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** Spec §3.2: QuestionnaireResponse — local only, user-task-id, status in-progress → completed/stopped. */
class QuestionnaireResponseAuthorizationRuleTest
{
	private static final String RULE = "QuestionnaireResponseAuthorizationRule";
	private static final String QUESTIONNAIRE = "http://dsf.test/fhir/Questionnaire/release|1.0";

	private final Network network = new Network();
	private final QuestionnaireResponseAuthorizationRule rule = new QuestionnaireResponseAuthorizationRule();

	private static QuestionnaireResponse response(QuestionnaireResponseStatus status, String userTaskId,
			String businessKey)
	{
		QuestionnaireResponse response = new QuestionnaireResponse().setStatus(status).setQuestionnaire(QUESTIONNAIRE);
		if (userTaskId != null)
			response.addItem().setLinkId("user-task-id").addAnswer().setValue(new StringType(userTaskId));
		if (businessKey != null)
			response.addItem().setLinkId("business-key").addAnswer().setValue(new StringType(businessKey));
		return response;
	}

	private QuestionnaireResponse stored()
	{
		return network.context.add(response(QuestionnaireResponseStatus.INPROGRESS, "42", "bk-1"));
	}

	@Test
	void bpeCreatesAnInProgressResponse()
	{
		assertAllowed(rule.create(network.localOrganization,
				response(QuestionnaireResponseStatus.INPROGRESS, "42", "bk-1"), network.context));
	}

	@Test
	void createIsLocalOnlyAndNeedsInProgressAndUserTaskId()
	{
		assertRefused(rule.create(network.remoteCos, response(QuestionnaireResponseStatus.INPROGRESS, "42", null),
				network.context), RULE, "only be created by local identities");
		assertRefused(rule.create(network.localOrganization,
				response(QuestionnaireResponseStatus.COMPLETED, "42", null), network.context), RULE,
				"status completed not one of [in-progress]");
		assertRefused(rule.create(network.localOrganization,
				response(QuestionnaireResponseStatus.INPROGRESS, null, null), network.context), RULE,
				"item 'user-task-id' missing");
		assertRefused(rule.create(network.localOrganization,
				response(QuestionnaireResponseStatus.INPROGRESS, "42", null).setQuestionnaire(null), network.context),
				RULE, "questionnaire missing");
	}

	@Test
	void userCompletesOrStopsTheResponse()
	{
		assertAllowed(rule.update(network.localAdmin, stored(),
				response(QuestionnaireResponseStatus.COMPLETED, "42", "bk-1"), network.context));
		assertAllowed(rule.update(network.localAdmin, stored(),
				response(QuestionnaireResponseStatus.STOPPED, "42", "bk-1"), network.context));
	}

	@Test
	void updateMayNotChangeUserTaskIdBusinessKeyOrQuestionnaire()
	{
		assertRefused(rule.update(network.localAdmin, stored(),
				response(QuestionnaireResponseStatus.COMPLETED, "43", "bk-1"), network.context), RULE,
				"item 'user-task-id' must not change");
		assertRefused(rule.update(network.localAdmin, stored(),
				response(QuestionnaireResponseStatus.COMPLETED, "42", "bk-2"), network.context), RULE,
				"item 'business-key' must not change");
		assertRefused(rule.update(network.localAdmin, stored(),
				response(QuestionnaireResponseStatus.COMPLETED, "42", "bk-1").setQuestionnaire(QUESTIONNAIRE + ".1"),
				network.context), RULE, "questionnaire must not change");
	}

	@Test
	void updateOnlyFromInProgressToCompletedOrStopped()
	{
		QuestionnaireResponse completed = network.context
				.add(response(QuestionnaireResponseStatus.COMPLETED, "42", "bk-1"));
		assertRefused(rule.update(network.localAdmin, completed,
				response(QuestionnaireResponseStatus.STOPPED, "42", "bk-1"), network.context), RULE,
				"only an in-progress QuestionnaireResponse");
		assertRefused(rule.update(network.localAdmin, stored(),
				response(QuestionnaireResponseStatus.INPROGRESS, "42", "bk-1"), network.context), RULE,
				"status in-progress not one of [completed, stopped]");
	}

	@Test
	void readAndDeleteAreLocalOnly()
	{
		QuestionnaireResponse response = stored();
		assertAllowed(rule.read(network.localAdmin, response, network.context));
		assertRefused(rule.read(network.remoteCos, response, network.context), RULE, "only be read by local");
		assertAllowed(rule.delete(network.localOrganization, response, network.context));
		assertRefused(rule.delete(network.remoteCos, response, network.context), RULE, "only be deleted by local");
		assertRefused(rule.update(network.remoteCos, response,
				response(QuestionnaireResponseStatus.COMPLETED, "42", "bk-1"), network.context), RULE,
				"only be updated by local");
	}
}
