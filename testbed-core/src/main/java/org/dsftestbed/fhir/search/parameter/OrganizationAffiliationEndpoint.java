package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.ReferenceParameter;
import org.hl7.fhir.r4.model.OrganizationAffiliation;

/** {@code OrganizationAffiliation.endpoint}: the member's endpoint in this role. */
public final class OrganizationAffiliationEndpoint extends ReferenceParameter<OrganizationAffiliation>
{
	public OrganizationAffiliationEndpoint()
	{
		super(OrganizationAffiliation.class, "endpoint", OrganizationAffiliation::getEndpoint, "Endpoint");
	}
}
