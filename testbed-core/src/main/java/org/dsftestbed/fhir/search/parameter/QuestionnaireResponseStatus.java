package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.CodeParameter;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/** {@code QuestionnaireResponse?status=completed}: the BPE's user-task subscription and catch-up poll. */
public final class QuestionnaireResponseStatus extends CodeParameter<QuestionnaireResponse>
{
	public QuestionnaireResponseStatus()
	{
		super(QuestionnaireResponse.class, "status", q -> q.hasStatus() ? q.getStatus().toCode() : null,
				QuestionnaireResponse.QuestionnaireResponseStatus::fromCode, OtherForms.IGNORE);
	}
}
