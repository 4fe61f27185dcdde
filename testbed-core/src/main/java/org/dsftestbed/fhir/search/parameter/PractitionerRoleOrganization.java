package org.dsftestbed.fhir.search.parameter;

import java.util.List;

import org.dsftestbed.fhir.search.parameter.basic.ReferenceParameter;
import org.hl7.fhir.r4.model.PractitionerRole;

/** {@code PractitionerRole.organization}. */
public final class PractitionerRoleOrganization extends ReferenceParameter<PractitionerRole>
{
	public PractitionerRoleOrganization()
	{
		super(PractitionerRole.class, "organization", r -> List.of(r.getOrganization()), "Organization");
	}
}
