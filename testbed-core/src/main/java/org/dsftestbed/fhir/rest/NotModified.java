package org.dsftestbed.fhir.rest;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Conditional reads: {@code If-None-Match} with the current ETag, or {@code If-Modified-Since} not before the last
 * update, answer 304 without a body (DSF's client sends both when it re-reads a resource it has).
 */
final class NotModified
{
	private NotModified()
	{
	}

	static FhirResponse check(FhirResponse read, FhirRequest.Headers headers)
	{
		String etag = read.headers().get("ETag");
		if (headers.ifNoneMatch() != null && etag != null)
			return ResourceOperations.parseETag(headers.ifNoneMatch()).equals(ResourceOperations.parseETag(etag))
					? notModified(read)
					: read;
		String lastModified = read.headers().get("Last-Modified");
		if (headers.ifModifiedSince() != null && lastModified != null)
		{
			try
			{
				Instant since = ZonedDateTime.parse(headers.ifModifiedSince(), ResourceOperations.HTTP_DATE).toInstant();
				Instant modified = ZonedDateTime.parse(lastModified, ResourceOperations.HTTP_DATE).toInstant();
				if (!modified.isAfter(since))
					return notModified(read);
			}
			catch (DateTimeParseException e)
			{
				// an unparsable date is ignored, as HTTP says
			}
		}
		return read;
	}

	private static FhirResponse notModified(FhirResponse read)
	{
		FhirResponse response = FhirResponse.of(304, null);
		response.headers().putAll(read.headers());
		return response;
	}
}
