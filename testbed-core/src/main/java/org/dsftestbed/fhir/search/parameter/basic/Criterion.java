package org.dsftestbed.fhir.search.parameter.basic;

import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.r4.model.Resource;

/** One parsed query parameter value: a test on resources, and how the value is echoed in the searchset links. */
public interface Criterion
{
	/**
	 * @param resource
	 *            a resource of the searched type; not modified
	 * @param store
	 *            for parameters that look at referenced resources, e.g. {@code organization:identifier}
	 */
	boolean matches(Resource resource, ResourceStore store);

	/** Parameter name in links, e.g. {@code identifier:not}. */
	String linkName();

	/** Parameter value in links, normalised as DSF echoes it, e.g. {@code gt2025-01-01T10:00:00+01:00}. */
	String linkValue();
}
