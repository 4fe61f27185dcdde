package org.dsftestbed.fhir.search.parameter;

import java.util.List;

import org.dsftestbed.fhir.search.parameter.basic.ReferenceParameter;
import org.hl7.fhir.r4.model.ResearchStudy;

/** {@code ResearchStudy.principalInvestigator}: Practitioner or PractitionerRole. */
public final class ResearchStudyPrincipalInvestigator extends ReferenceParameter<ResearchStudy>
{
	public ResearchStudyPrincipalInvestigator()
	{
		super(ResearchStudy.class, "principalinvestigator", r -> List.of(r.getPrincipalInvestigator()),
				"Practitioner", "PractitionerRole");
	}
}
