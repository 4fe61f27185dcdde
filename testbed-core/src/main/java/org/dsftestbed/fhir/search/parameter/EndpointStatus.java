package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.CodeParameter;
import org.hl7.fhir.r4.model.Endpoint;

/** {@code Endpoint?status=active}: every endpoint lookup of the BPE. */
public final class EndpointStatus extends CodeParameter<Endpoint>
{
	public EndpointStatus()
	{
		super(Endpoint.class, "status", e -> e.hasStatus() ? e.getStatus().toCode() : null,
				Endpoint.EndpointStatus::fromCode, OtherForms.IGNORE);
	}
}
