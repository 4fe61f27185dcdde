package org.dsftestbed.fhir.authorization;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.dsftestbed.fhir.authorization.lookup.DsfIdentifiers;
import org.hl7.fhir.r4.model.Endpoint;

/**
 * Endpoint: exactly one DSF endpoint identifier and an https address; address and identifier unique and unchanged on
 * update, because the BPE finds its own organization through {@code Endpoint.address}.
 * <p>
 * The address pattern allows an optional port of up to four digits followed by path characters, so a five-digit
 * port ({@code https://host:18443/fhir}) passes with its last digit read as path — which a running DSF 1.9.0 accepts
 * too.
 */
public final class EndpointAuthorizationRule extends MetaTagAuthorizationRule<Endpoint>
{
	public static final Pattern ADDRESS = Pattern.compile("https://[0-9a-zA-Z.-]+(?::\\d{1,4})?[-\\w/]*");

	public EndpointAuthorizationRule()
	{
		super(Endpoint.class);
	}

	@Override
	protected List<String> contentProblems(Endpoint resource, AuthorizationContext context)
	{
		List<String> problems = new ArrayList<>();
		if (DsfIdentifiers.valuesOf(resource.getIdentifier(), DsfIdentifiers.ENDPOINT).size() != 1)
			problems.add("Endpoint.identifier: exactly one with system " + DsfIdentifiers.ENDPOINT
					+ " and a value expected");
		if (!resource.hasAddress())
			problems.add("Endpoint.address missing");
		else if (!ADDRESS.matcher(resource.getAddress()).matches())
			problems.add("Endpoint.address " + resource.getAddress() + " not matching " + ADDRESS.pattern());
		return problems;
	}

	@Override
	protected Optional<String> duplicateOf(Endpoint newResource, AuthorizationContext context)
	{
		List<Endpoint> stored = stored(context);
		if (stored.stream().anyMatch(e -> Objects.equals(e.getAddress(), newResource.getAddress())))
			return Optional.of("an Endpoint with address " + newResource.getAddress() + " already exists");

		String identifier = identifierOf(newResource);
		if (stored.stream().anyMatch(e -> Objects.equals(identifierOf(e), identifier)))
			return Optional.of("an Endpoint with identifier " + identifier + " already exists");

		return Optional.empty();
	}

	@Override
	protected Optional<String> forbiddenModification(Endpoint oldResource, Endpoint newResource,
			AuthorizationContext context)
	{
		if (!Objects.equals(oldResource.getAddress(), newResource.getAddress()))
			return Optional.of("Endpoint.address must not change (" + oldResource.getAddress() + " -> "
					+ newResource.getAddress() + ")");
		if (!Objects.equals(identifierOf(oldResource), identifierOf(newResource)))
			return Optional.of("Endpoint identifier must not change (" + identifierOf(oldResource) + " -> "
					+ identifierOf(newResource) + ")");
		return Optional.empty();
	}

	private static String identifierOf(Endpoint endpoint)
	{
		return DsfIdentifiers.valueOf(endpoint.getIdentifier(), DsfIdentifiers.ENDPOINT).orElse(null);
	}
}
