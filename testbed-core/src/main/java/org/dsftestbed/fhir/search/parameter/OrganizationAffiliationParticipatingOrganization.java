package org.dsftestbed.fhir.search.parameter;

import java.util.List;

import org.dsftestbed.fhir.search.parameter.basic.ReferenceParameter;
import org.hl7.fhir.r4.model.OrganizationAffiliation;

/** {@code OrganizationAffiliation.participatingOrganization} (the member). */
public final class OrganizationAffiliationParticipatingOrganization
		extends ReferenceParameter<OrganizationAffiliation>
{
	public OrganizationAffiliationParticipatingOrganization()
	{
		super(OrganizationAffiliation.class, "participating-organization",
				a -> List.of(a.getParticipatingOrganization()), "Organization");
	}
}
