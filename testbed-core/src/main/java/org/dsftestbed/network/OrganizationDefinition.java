package org.dsftestbed.network;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One member organization of a network: a DSF FHIR server and BPE with their own certificates.
 *
 * @param identifier
 *            value of the {@code http://dsf.dev/sid/organization-identifier} identifier, e.g. {@code Test_DIC_1}
 * @param name
 *            human-readable name, may be {@code null}
 * @param endpointIdentifier
 *            value of the {@code http://dsf.dev/sid/endpoint-identifier} identifier of its Endpoint
 * @param hostnames
 *            DNS names of the organization, the first is its primary name (server certificate CN, Endpoint address)
 * @param roles
 *            organization-role codes (e.g. {@code DIC}) per parent organization identifier, in definition order
 * @param plugins
 *            process plugins the organization runs (names or paths, resolved by the runtime)
 * @param environment
 *            environment of the organization's BPE, e.g. plugin settings
 * @param fhirBaseUrl
 *            fixed FHIR base URL, or {@code null} to let the runtime decide
 */
public record OrganizationDefinition(String identifier, String name, String endpointIdentifier, List<String> hostnames,
		Map<String, List<String>> roles, List<String> plugins, Map<String, String> environment, String fhirBaseUrl)
{
	public OrganizationDefinition
	{
		Objects.requireNonNull(identifier, "identifier");
		Objects.requireNonNull(endpointIdentifier, "endpointIdentifier");
		hostnames = List.copyOf(hostnames);
		if (hostnames.isEmpty())
			throw new IllegalArgumentException("organization " + identifier + " has no hostname");
		roles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(roles));
		plugins = List.copyOf(plugins);
		environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
	}

	public String primaryHostname()
	{
		return hostnames.get(0);
	}

	/** The FHIR base URL when the network does not place the organization elsewhere (e.g. on a loopback port). */
	public String defaultFhirBaseUrl()
	{
		return Optional.ofNullable(fhirBaseUrl).orElse("https://" + primaryHostname() + "/fhir");
	}

	/** Display name: the name when given, else the identifier. */
	public String displayName()
	{
		return name == null || name.isBlank() ? identifier : name;
	}
}
