package org.dsftestbed.bpe.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.junit.jupiter.api.Test;

/** Placeholder answers as DSF 1.9.0's {@code QuestionnaireResponseHelperImpl} builds them. */
class TestbedQuestionnaireResponseHelperTest
{
	private final TestbedQuestionnaireResponseHelper helper = new TestbedQuestionnaireResponseHelper(
			"https://localhost/fhir");

	private static QuestionnaireItemComponent question(QuestionnaireItemType type)
	{
		return new QuestionnaireItemComponent().setLinkId("q").setType(type);
	}

	@Test
	void decimalPlaceholderIsZeroPointZero()
	{
		DecimalType answer = (DecimalType) helper.transformQuestionTypeToAnswerType(question(QuestionnaireItemType.DECIMAL));

		assertThat(answer.getValueAsString()).isEqualTo("0.0");
	}

	@Test
	void unsupportedTypeIsRefusedWithDsfsMessage()
	{
		assertThatThrownBy(() -> helper.transformQuestionTypeToAnswerType(question(QuestionnaireItemType.ATTACHMENT)))
				.isExactlyInstanceOf(RuntimeException.class)
				.hasMessage("Type 'Attachment' in Questionnaire.item is not supported as answer type");
	}
}
