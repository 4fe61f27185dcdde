package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.DateTimeElementParameter;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/** {@code QuestionnaireResponse.authored}. */
public final class QuestionnaireResponseAuthored extends DateTimeElementParameter<QuestionnaireResponse>
{
	public QuestionnaireResponseAuthored()
	{
		super(QuestionnaireResponse.class, "authored", q -> q.hasAuthoredElement() ? q.getAuthoredElement() : null);
	}
}
