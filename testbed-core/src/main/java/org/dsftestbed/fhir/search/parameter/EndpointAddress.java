package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.CanonicalUrlParameter;
import org.hl7.fhir.r4.model.Endpoint;

/**
 * {@code Endpoint.address}: the BPE finds its own organization by {@code address=<its FHIR base URL>}. Parsed like a
 * canonical, so a {@code |suffix} is dropped, as in DSF.
 */
public final class EndpointAddress extends CanonicalUrlParameter<Endpoint>
{
	public EndpointAddress()
	{
		super(Endpoint.class, "address");
	}

	@Override
	protected boolean test(Endpoint resource, CanonicalValue value)
	{
		return value.testUrl(resource.hasAddress() ? resource.getAddress() : null).selects();
	}

	@Override
	protected Comparable<?> sortValueOf(Endpoint resource)
	{
		return resource.hasAddress() ? resource.getAddress() : null;
	}
}
