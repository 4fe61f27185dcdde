package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.ReferenceParameter;
import org.hl7.fhir.r4.model.ResearchStudy;

/** {@code ResearchStudy.enrollment} (Groups); {@code Group?_revinclude=ResearchStudy:enrollment}. */
public final class ResearchStudyEnrollment extends ReferenceParameter<ResearchStudy>
{
	public ResearchStudyEnrollment()
	{
		super(ResearchStudy.class, "enrollment", ResearchStudy::getEnrollment, "Group");
	}
}
