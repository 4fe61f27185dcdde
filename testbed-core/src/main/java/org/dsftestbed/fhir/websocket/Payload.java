package org.dsftestbed.fhir.websocket;

import org.dsftestbed.fhir.context.FhirContexts;
import org.dsftestbed.fhir.rest.LogicalReferences;
import org.hl7.fhir.r4.model.Resource;

import ca.uhn.fhir.parser.IParser;

/**
 * What a Subscription's {@code channel.payload} asks for: the resource as JSON or XML for exactly
 * {@code application/fhir+json} or {@code application/fhir+xml}, otherwise (none, or any other value) only the text
 * {@code ping <subscription id>}, as DSF 1.9.0 decides.
 */
enum Payload
{
	JSON, XML, PING;

	static final String FHIR_JSON = "application/fhir+json";
	static final String FHIR_XML = "application/fhir+xml";

	static Payload of(String payload)
	{
		if (FHIR_JSON.equals(payload))
			return JSON;
		if (FHIR_XML.equals(payload))
			return XML;
		return PING;
	}

	/**
	 * The text message for a matching resource: compact JSON or XML of what clients see of it (logical references
	 * without their literal part), versioned references kept; or the ping text.
	 */
	String message(String subscriptionId, Resource resource)
	{
		if (this == PING)
			return "ping " + subscriptionId;
		IParser parser = this == JSON ? FhirContexts.r4().newJsonParser() : FhirContexts.r4().newXmlParser();
		parser.setStripVersionsFromReferences(false);
		parser.setOverrideResourceIdWithBundleEntryFullUrl(false);
		return parser.encodeResourceToString(LogicalReferences.strip(resource));
	}
}
