package org.dsftestbed.fhir.rest;

import java.util.List;
import java.util.Map;

import org.dsftestbed.fhir.identity.Identity;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** Search as the REST layer needs it: paged and filtered for a caller, or all matches for conditional requests. */
public interface Searcher
{
	/**
	 * A searchset Bundle for {@code identity}: only resources it may read, {@code total} set, paging links.
	 *
	 * @throws FhirException
	 *             400 for unsupported or invalid parameters when {@code strict}
	 */
	Bundle search(String type, Map<String, List<String>> parameters, Identity identity, boolean strict);

	/**
	 * Every current resource matching the criteria of a conditional create, update or delete, regardless of who
	 * asks (as DSF checks existence in its database).
	 *
	 * @throws FhirException
	 *             400 when a criterion is not supported
	 */
	List<Resource> matches(String type, Map<String, List<String>> criteria);
}
