package org.dsftestbed.fhir.search.parameter;

import java.util.List;

import org.dsftestbed.fhir.search.parameter.basic.ReferenceParameter;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/** {@code QuestionnaireResponse.subject}: Organization, Practitioner or PractitionerRole. */
public final class QuestionnaireResponseSubject extends ReferenceParameter<QuestionnaireResponse>
{
	public QuestionnaireResponseSubject()
	{
		super(QuestionnaireResponse.class, "subject", q -> List.of(q.getSubject()), "Organization", "Practitioner",
				"PractitionerRole");
	}
}
