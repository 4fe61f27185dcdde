package org.dsftestbed.conformance.report;

import java.util.Objects;

/**
 * An organization of a scenario: a lifeline of its sequence diagram.
 *
 * @param identifier
 *            DSF's organization identifier, e.g. {@code dic.dsf.test}; {@value #UNKNOWN} for unauthenticated callers
 * @param baseUrl
 *            its FHIR server's base URL, {@code null} when not part of the network
 */
public record Organization(String identifier, String baseUrl)
{
	/** The lifeline of callers without an accepted client certificate. */
	public static final String UNKNOWN = "(unknown caller)";

	public Organization
	{
		Objects.requireNonNull(identifier, "identifier");
	}
}
