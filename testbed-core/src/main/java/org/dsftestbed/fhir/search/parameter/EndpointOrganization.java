package org.dsftestbed.fhir.search.parameter;

import java.util.List;

import org.dsftestbed.fhir.search.parameter.basic.ReferenceParameter;
import org.hl7.fhir.r4.model.Endpoint;

/**
 * {@code Endpoint.managingOrganization}; {@code _include=Endpoint:organization} (the BPE's local-organization lookup)
 * and {@code Organization?_revinclude=Endpoint:organization}.
 */
public final class EndpointOrganization extends ReferenceParameter<Endpoint>
{
	public EndpointOrganization()
	{
		super(Endpoint.class, "organization", e -> List.of(e.getManagingOrganization()), "Organization");
	}
}
