package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.CodingParameter;
import org.hl7.fhir.r4.model.OrganizationAffiliation;

/** {@code OrganizationAffiliation.code}, e.g. {@code role=http://dsf.dev/fhir/CodeSystem/organization-role|DIC}. */
public final class OrganizationAffiliationRole extends CodingParameter<OrganizationAffiliation>
{
	public OrganizationAffiliationRole()
	{
		super(OrganizationAffiliation.class, "role", OrganizationAffiliation::getCode);
	}
}
