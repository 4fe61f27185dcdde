package org.dsftestbed.fhir.rest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dsftestbed.fhir.identity.Identity;
import org.hl7.fhir.r4.model.Resource;

/**
 * One FHIR interaction, from HTTP or from a batch/transaction entry.
 *
 * @param method
 *            GET, HEAD, POST, PUT, DELETE
 * @param path
 *            relative to the base URL without leading slash: {@code ""}, {@code Task}, {@code Task/<id>},
 *            {@code Task/<id>/_history/<v>}, {@code Task/_history}, {@code Task/<id>/$permanent-delete}, {@code metadata}
 * @param parameters
 *            query parameters, in order
 * @param body
 *            parsed resource body, or {@code null}
 * @param rawBody
 *            body bytes of a raw Binary upload (content type not FHIR), or {@code null}
 * @param rawContentType
 *            content type of {@code rawBody}
 */
public record FhirRequest(Identity identity, String method, String path, Map<String, List<String>> parameters,
		Headers headers, Resource body, byte[] rawBody, String rawContentType)
{
	/** The request headers the FHIR interactions use. */
	public record Headers(String ifMatch, String ifNoneExist, String ifNoneMatch, String ifModifiedSince,
			String prefer, String securityContext, String accept)
	{
		public static Headers none()
		{
			return new Headers(null, null, null, null, null, null, null);
		}

		/** The {@code return=} value of {@code Prefer}: representation (default), minimal or OperationOutcome. */
		public String preferReturn()
		{
			return preference("return").orElse("representation");
		}

		/** {@code Prefer: handling=strict}. */
		public boolean strictHandling()
		{
			return preference("handling").map("strict"::equals).orElse(false);
		}

		private Optional<String> preference(String name)
		{
			if (prefer == null)
				return Optional.empty();
			for (String part : prefer.split("[,;]"))
			{
				String[] keyValue = part.trim().split("=", 2);
				if (keyValue.length == 2 && keyValue[0].trim().equalsIgnoreCase(name))
					return Optional.of(keyValue[1].trim().replace("\"", ""));
			}
			return Optional.empty();
		}
	}

	public Optional<String> parameter(String name)
	{
		List<String> values = parameters.get(name);
		return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
	}

	/** Path segments, e.g. {@code [Task, <id>, _history, 2]}. */
	public List<String> segments()
	{
		return path.isEmpty() ? List.of() : List.of(path.split("/"));
	}
}
