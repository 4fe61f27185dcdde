package org.dsftestbed.fhir.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hl7.fhir.r4.model.Resource;

/**
 * The answer to one interaction: status, headers (Location, ETag, Last-Modified) and a resource body, or raw bytes
 * for a Binary read in its own content type.
 */
public record FhirResponse(int status, Map<String, String> headers, Resource body, byte[] rawBody,
		String rawContentType)
{
	public static FhirResponse of(int status, Resource body)
	{
		return new FhirResponse(status, new LinkedHashMap<>(), body, null, null);
	}

	public static FhirResponse raw(int status, byte[] body, String contentType)
	{
		return new FhirResponse(status, new LinkedHashMap<>(), null, body, contentType);
	}

	public FhirResponse header(String name, String value)
	{
		headers.put(name, value);
		return this;
	}

	public FhirResponse withBody(Resource newBody)
	{
		return new FhirResponse(status, headers, newBody, rawBody, rawContentType);
	}
}
