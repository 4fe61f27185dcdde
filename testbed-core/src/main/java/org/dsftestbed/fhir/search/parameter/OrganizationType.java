package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.CodingParameter;
import org.hl7.fhir.r4.model.Organization;

/** {@code Organization.type}. */
public final class OrganizationType extends CodingParameter<Organization>
{
	public OrganizationType()
	{
		super(Organization.class, "type", Organization::getType);
	}
}
