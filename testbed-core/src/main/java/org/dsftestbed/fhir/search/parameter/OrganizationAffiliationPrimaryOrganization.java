package org.dsftestbed.fhir.search.parameter;

import java.util.List;

import org.dsftestbed.fhir.search.parameter.basic.ReferenceParameter;
import org.hl7.fhir.r4.model.OrganizationAffiliation;

/** {@code OrganizationAffiliation.organization} (the parent, e.g. a consortium). */
public final class OrganizationAffiliationPrimaryOrganization extends ReferenceParameter<OrganizationAffiliation>
{
	public OrganizationAffiliationPrimaryOrganization()
	{
		super(OrganizationAffiliation.class, "primary-organization", a -> List.of(a.getOrganization()),
				"Organization");
	}
}
