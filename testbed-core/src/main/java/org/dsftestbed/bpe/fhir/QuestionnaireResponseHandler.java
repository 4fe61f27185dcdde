package org.dsftestbed.bpe.fhir;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.dsftestbed.bpe.engine.OrganizationEngine;
import org.dsftestbed.fhir.context.FhirContexts;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.StringType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What DSF 1.9.0's BPE does with a completed QuestionnaireResponse from its subscription: the Camunda user task named
 * by the answer to item {@value #USER_TASK_ID} is completed with the response as process variable
 * {@value #QUESTIONNAIRE_RESPONSE_VARIABLE}. Without that item the response is ignored; errors are only logged.
 */
public class QuestionnaireResponseHandler implements Consumer<QuestionnaireResponse>
{
	private static final Logger logger = LoggerFactory.getLogger(QuestionnaireResponseHandler.class);

	public static final String QUESTIONNAIRE_RESPONSE_VARIABLE = "dev.dsf.bpe.subscription.QuestionnaireResponseHandler.questionnaireResponse";
	public static final String USER_TASK_ID = "user-task-id";
	public static final String BUSINESS_KEY = "business-key";

	/** Stand-in for DSF's FHIR resource value type: the response as a JSON string value. */
	public static final Function<QuestionnaireResponse, Object> JSON_STRING = r -> Variables
			.stringValue(FhirContexts.r4().newJsonParser().encodeResourceToString(r));

	private final OrganizationEngine engine;
	private final Function<QuestionnaireResponse, Object> toVariable;

	/**
	 * @param toVariable
	 *            the variable value for the response; the plugin runtime supplies DSF's FHIR resource value type
	 */
	public QuestionnaireResponseHandler(OrganizationEngine engine, Function<QuestionnaireResponse, Object> toVariable)
	{
		this.engine = Objects.requireNonNull(engine, "engine");
		this.toVariable = Objects.requireNonNull(toVariable, "toVariable");
	}

	@Override
	public void accept(QuestionnaireResponse response)
	{
		Objects.requireNonNull(response, "questionnaireResponse");
		if (response.getStatus() != QuestionnaireResponseStatus.COMPLETED)
			throw new IllegalArgumentException(
					"QuestionnaireResponse.status != " + QuestionnaireResponseStatus.COMPLETED.toCode());
		try
		{
			Optional<String> userTaskId = answer(response, USER_TASK_ID);
			if (userTaskId.isEmpty())
			{
				logger.warn("QuestionnaireResponse '{}' for Questionnaire '{}' has no answer with item.linkId '{}' "
						+ "[businessKey: {}], ignoring QuestionnaireResponse", response.getId(),
						response.getQuestionnaire(), USER_TASK_ID, answer(response, BUSINESS_KEY).orElse("?"));
				return;
			}
			TaskService tasks = engine.processEngine().getTaskService();
			if (tasks.createTaskQuery().taskId(userTaskId.get()).singleResult() == null)
				throw new IllegalStateException("User task " + userTaskId.get() + " not found");
			tasks.complete(userTaskId.get(), Map.of(QUESTIONNAIRE_RESPONSE_VARIABLE, toVariable.apply(response)));
		}
		catch (Exception e)
		{
			logger.warn("Unable to complete UserTask: {} - {}", e.getClass().getName(), e.getMessage());
		}
	}

	static Optional<String> answer(QuestionnaireResponse response, String linkId)
	{
		List<String> answers = response.getItem().stream().filter(i -> linkId.equals(i.getLinkId()))
				.flatMap(i -> i.getAnswer().stream()).filter(a -> a.getValue() instanceof StringType)
				.map(a -> ((StringType) a.getValue()).getValue()).toList();
		return answers.stream().findFirst();
	}
}
