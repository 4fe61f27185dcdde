package org.dsftestbed.bpe.conformance;

import static org.dsftestbed.bpe.conformance.Expect.equal;
import static org.dsftestbed.bpe.conformance.Expect.throwsA;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.TimeType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UriType;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.variables.Variables;

/** {@code QuestionnaireResponseHelper}: leaf items, placeholder answers by question type, absolute URL. */
public class QuestionnaireResponseHelperCheck extends ConformanceActivity
{
	public QuestionnaireResponseHelperCheck(ProcessPluginApi api)
	{
		super(api);
	}

	private Type placeholder(QuestionnaireItemType type)
	{
		return api.getQuestionnaireResponseHelper()
				.transformQuestionTypeToAnswerType(new QuestionnaireItemComponent().setLinkId("q").setType(type));
	}

	private void placeholder(QuestionnaireItemType type, Class<? extends Type> expectedType, String expectedValue)
	{
		Type answer = placeholder(type);
		equal(expectedType, answer.getClass());
		equal(expectedValue, answer instanceof Reference r ? r.getReference()
				: ((PrimitiveType<?>) answer).getValueAsString());
	}

	@Override
	protected void addChecks(Checks checks, DelegateExecution execution, Variables variables)
	{
		var helper = api.getQuestionnaireResponseHelper();

		QuestionnaireResponse response = new QuestionnaireResponse();
		response.setId("QuestionnaireResponse/qr-1/_history/3");
		helper.addItemLeafWithAnswer(response, "business-key", "The business key", new StringType("bk"));
		helper.addItemLeafWithoutAnswer(response, "display", "Some text");
		QuestionnaireResponseItemComponent group = response.addItem().setLinkId("group");
		group.addItem().setLinkId("nested").addAnswer().setValue(new BooleanType(true));
		group.addItem().setLinkId("business-key").addAnswer().setValue(new StringType("nested-bk"));

		checks.add("itemLeaves", () -> equal(List.of("business-key", "display", "nested", "business-key"),
				helper.getItemLeavesAsList(response).stream().map(QuestionnaireResponseItemComponent::getLinkId).toList()))
				.add("itemLeavesMatchingLinkId", () ->
				{
					equal(2, helper.getItemLeavesMatchingLinkIdAsList(response, "business-key").size());
					equal("bk", helper.getFirstItemLeaveMatchingLinkId(response, "business-key").orElseThrow()
							.getAnswerFirstRep().getValueStringType().getValue());
					equal(0L, helper.getItemLeavesMatchingLinkIdAsStream(response, "missing").count());
				}).add("addItemLeaf", () ->
				{
					QuestionnaireResponseItemComponent display = response.getItem().get(1);
					equal("Some text", display.getText());
					equal(false, display.hasAnswer());
					equal(1, response.getItem().get(0).getAnswer().size());
				}).add("placeholderAnswers", () ->
				{
					placeholder(QuestionnaireItemType.STRING, StringType.class, "Placeholder..");
					placeholder(QuestionnaireItemType.TEXT, StringType.class, "Placeholder..");
					placeholder(QuestionnaireItemType.INTEGER, IntegerType.class, "0");
					placeholder(QuestionnaireItemType.DECIMAL, DecimalType.class, "0.0");
					placeholder(QuestionnaireItemType.BOOLEAN, BooleanType.class, "false");
					placeholder(QuestionnaireItemType.DATE, DateType.class, "1900-01-01");
					placeholder(QuestionnaireItemType.TIME, TimeType.class, "00:00:00");
					placeholder(QuestionnaireItemType.DATETIME, DateTimeType.class, "1900-01-01T00:00:00.000Z");
					placeholder(QuestionnaireItemType.URL, UriType.class, "http://example.org/foo");
					placeholder(QuestionnaireItemType.REFERENCE, Reference.class,
							"http://example.org/fhir/Placeholder/id");
				})
				.add("placeholderForUnsupportedType",
						() -> throwsA(RuntimeException.class, () -> placeholder(QuestionnaireItemType.ATTACHMENT)))
				.add("getLocalVersionlessAbsoluteUrl", () -> equal(
						api.getEndpointProvider().getLocalEndpointAddress() + "/QuestionnaireResponse/qr-1",
						helper.getLocalVersionlessAbsoluteUrl(response)));
	}
}
