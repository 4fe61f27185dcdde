package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.ReferenceParameter;
import org.hl7.fhir.r4.model.Organization;

/** {@code Organization.endpoint}; {@code _include=Organization:endpoint}, {@code Endpoint?_revinclude=Organization:endpoint}. */
public final class OrganizationEndpoint extends ReferenceParameter<Organization>
{
	public OrganizationEndpoint()
	{
		super(Organization.class, "endpoint", Organization::getEndpoint, "Endpoint");
	}
}
