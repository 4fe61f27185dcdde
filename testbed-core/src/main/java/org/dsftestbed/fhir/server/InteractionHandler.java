package org.dsftestbed.fhir.server;

import org.dsftestbed.fhir.rest.FhirRequest;
import org.dsftestbed.fhir.rest.FhirResponse;

/** What the servlet hands a parsed request to. */
@FunctionalInterface
interface InteractionHandler
{
	FhirResponse handle(FhirRequest request);
}
