package org.dsftestbed.fhir.search.parameter.basic;

import java.util.List;

import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.r4.model.Resource;

/** An {@code _include} or {@code _revinclude} target: which resources to add for each matching resource. */
public interface Inclusion
{
	/** The request values selecting this, e.g. {@code Endpoint:organization} and {@code Endpoint:organization:Organization}. */
	List<String> parameterValues();

	/**
	 * @return current resources related to {@code match}, in store order, before any read-access filtering
	 */
	List<Resource> resourcesFor(Resource match, ResourceStore store);
}
