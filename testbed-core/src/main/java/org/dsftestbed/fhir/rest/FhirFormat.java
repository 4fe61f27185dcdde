package org.dsftestbed.fhir.rest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

/**
 * The wire formats, and how DSF picks them: the response format from {@code _format} (unsupported: 415), else
 * from {@code Accept} (unsupported: 406, as the running server answers), else XML.
 */
public enum FhirFormat
{
	XML("application/fhir+xml"), JSON("application/fhir+json");

	private static final List<String> XML_TYPES = List.of("application/fhir+xml", "application/xml+fhir",
			"application/xml", "text/xml", "xml");
	private static final List<String> JSON_TYPES = List.of("application/fhir+json", "application/json+fhir",
			"application/json", "text/json", "json");

	private final String mediaType;

	FhirFormat(String mediaType)
	{
		this.mediaType = mediaType;
	}

	public String mediaType()
	{
		return mediaType;
	}

	public IParser parser(FhirContext context, boolean pretty)
	{
		IParser parser = this == JSON ? context.newJsonParser() : context.newXmlParser();
		return parser.setPrettyPrint(pretty);
	}

	/** The format of a media type such as {@code application/fhir+json; charset=utf-8}, if it is one. */
	public static Optional<FhirFormat> ofMediaType(String mediaType)
	{
		if (mediaType == null)
			return Optional.empty();
		String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
		if (XML_TYPES.contains(type))
			return Optional.of(XML);
		if (JSON_TYPES.contains(type))
			return Optional.of(JSON);
		return Optional.empty();
	}

	/** The response format for a request's {@code _format} parameter and {@code Accept} header. */
	public static FhirFormat forResponse(String formatParameter, String accept)
	{
		if (formatParameter != null && !formatParameter.isBlank())
			return ofMediaType(formatParameter.replace(' ', '+')).orElseThrow(() -> new FhirException(415,
					IssueType.NOTSUPPORTED, "unsupported _format '" + formatParameter + "'; use json or xml"));
		if (accept == null || accept.isBlank())
			return XML;
		for (String entry : accept.split(","))
		{
			String type = entry.split(";", 2)[0].trim();
			if (type.equals("*/*") || type.equals("application/*"))
				return XML;
			Optional<FhirFormat> format = ofMediaType(type);
			if (format.isPresent())
				return format.get();
		}
		throw new FhirException(406, IssueType.NOTSUPPORTED,
				"none of the accepted media types '" + accept + "' is supported; use application/fhir+json or application/fhir+xml");
	}
}
