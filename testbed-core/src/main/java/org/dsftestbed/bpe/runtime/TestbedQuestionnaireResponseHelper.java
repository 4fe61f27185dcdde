package org.dsftestbed.bpe.runtime;

import java.util.Objects;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.TimeType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UriType;

import dev.dsf.bpe.v1.service.QuestionnaireResponseHelper;

/** DSF's QuestionnaireResponse helper: leaf items, placeholder answers by question type (spec §5.10). */
public final class TestbedQuestionnaireResponseHelper implements QuestionnaireResponseHelper
{
	private final String localBaseUrl;

	public TestbedQuestionnaireResponseHelper(String localBaseUrl)
	{
		this.localBaseUrl = Objects.requireNonNull(localBaseUrl, "localBaseUrl");
	}

	@Override
	public Stream<QuestionnaireResponseItemComponent> getItemLeavesMatchingLinkIdAsStream(
			QuestionnaireResponse response, String linkId)
	{
		return getItemLeavesAsStream(response).filter(i -> Objects.equals(linkId, i.getLinkId()));
	}

	@Override
	public Stream<QuestionnaireResponseItemComponent> getItemLeavesAsStream(QuestionnaireResponse response)
	{
		return response == null ? Stream.empty() : response.getItem().stream().flatMap(this::leaves);
	}

	private Stream<QuestionnaireResponseItemComponent> leaves(QuestionnaireResponseItemComponent item)
	{
		return item.hasItem() ? item.getItem().stream().flatMap(this::leaves) : Stream.of(item);
	}

	@Override
	public Type transformQuestionTypeToAnswerType(QuestionnaireItemComponent question)
	{
		return switch (question.getType())
		{
			case STRING, TEXT -> new StringType("Placeholder..");
			case INTEGER -> new IntegerType(0);
			// DSF builds it from the double 0.00, whose value is 0.0
			case DECIMAL -> new DecimalType(0.00);
			case BOOLEAN -> new BooleanType(false);
			case DATE -> new DateType("1900-01-01");
			case TIME -> new TimeType("00:00:00");
			case DATETIME -> new DateTimeType("1900-01-01T00:00:00.000Z");
			case URL -> new UriType("http://example.org/foo");
			case REFERENCE -> new Reference("http://example.org/fhir/Placeholder/id");
			default -> throw new RuntimeException("Type '" + question.getType().getDisplay()
					+ "' in Questionnaire.item is not supported as answer type");
		};
	}

	@Override
	public void addItemLeafWithoutAnswer(QuestionnaireResponse response, String linkId, String text)
	{
		response.addItem().setLinkId(linkId).setText(text);
	}

	@Override
	public void addItemLeafWithAnswer(QuestionnaireResponse response, String linkId, String text, Type answer)
	{
		response.addItem().setLinkId(linkId).setText(text).addAnswer().setValue(answer);
	}

	@Override
	public String getLocalVersionlessAbsoluteUrl(QuestionnaireResponse response)
	{
		if (response == null || !response.getIdElement().hasIdPart())
			return null;
		return response.getIdElement().toVersionless().withServerBase(localBaseUrl, "QuestionnaireResponse")
				.getValue();
	}
}
