package org.dsftestbed.fhir.authorization;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.dsftestbed.fhir.authorization.lookup.DsfIdentifiers;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.StringType;

/**
 * Organization (the allow list): exactly one DSF organization identifier, certificate thumbprints as lowercase
 * SHA-512 hex. Identifier unique and unchanged on update; a thumbprint identifies one organization only, because the
 * server finds the caller's organization by it.
 */
public final class OrganizationAuthorizationRule extends MetaTagAuthorizationRule<Organization>
{
	public static final String THUMBPRINT_EXTENSION = "http://dsf.dev/fhir/StructureDefinition/extension-certificate-thumbprint";
	private static final Pattern THUMBPRINT = Pattern.compile("[a-f0-9]{128}");

	/** Thumbprint uniqueness on create applies to member organizations claiming this profile (exact string). */
	private static final String MEMBER_PROFILE = "http://dsf.dev/fhir/StructureDefinition/organization";

	public OrganizationAuthorizationRule()
	{
		super(Organization.class);
	}

	@Override
	protected List<String> contentProblems(Organization resource, AuthorizationContext context)
	{
		List<String> problems = new ArrayList<>();
		if (DsfIdentifiers.valuesOf(resource.getIdentifier(), DsfIdentifiers.ORGANIZATION).size() != 1)
			problems.add("Organization.identifier: exactly one with system " + DsfIdentifiers.ORGANIZATION
					+ " and a value expected");

		boolean badThumbprint = resource.getExtension().stream().filter(e -> THUMBPRINT_EXTENSION.equals(e.getUrl()))
				.anyMatch(e -> !(e.getValue() instanceof StringType s) || s.getValue() == null
						|| !THUMBPRINT.matcher(s.getValue()).matches());
		if (badThumbprint)
			problems.add("Organization has a " + THUMBPRINT_EXTENSION + " value not matching " + THUMBPRINT.pattern());

		return problems;
	}

	@Override
	protected Optional<String> duplicateOf(Organization newResource, AuthorizationContext context)
	{
		String identifier = identifierOf(newResource);
		if (context.organizationByIdentifier(identifier).isPresent())
			return Optional.of("an Organization with identifier " + identifier + " already exists");

		boolean member = newResource.getMeta().getProfile().stream().map(CanonicalType::getValue)
				.anyMatch(MEMBER_PROFILE::equals);
		if (member)
			return thumbprintsOf(newResource).stream().filter(t -> thumbprintUsed(t, context)).findFirst()
					.map(t -> "thumbprint " + t + " already belongs to another Organization");

		return Optional.empty();
	}

	@Override
	protected Optional<String> forbiddenModification(Organization oldResource, Organization newResource,
			AuthorizationContext context)
	{
		if (!Objects.equals(identifierOf(oldResource), identifierOf(newResource)))
			return Optional.of("Organization identifier must not change (" + identifierOf(oldResource) + " -> "
					+ identifierOf(newResource) + ")");

		List<String> kept = thumbprintsOf(oldResource);
		return thumbprintsOf(newResource).stream().filter(t -> !kept.contains(t)).filter(t -> thumbprintUsed(t, context))
				.findFirst().map(t -> "thumbprint " + t + " already belongs to another Organization");
	}

	private static String identifierOf(Organization organization)
	{
		return DsfIdentifiers.valueOf(organization.getIdentifier(), DsfIdentifiers.ORGANIZATION).orElse(null);
	}

	private static List<String> thumbprintsOf(Organization organization)
	{
		return organization.getExtension().stream().filter(e -> THUMBPRINT_EXTENSION.equals(e.getUrl()))
				.map(Extension::getValue).filter(StringType.class::isInstance).map(v -> ((StringType) v).getValue())
				.toList();
	}

	private boolean thumbprintUsed(String thumbprint, AuthorizationContext context)
	{
		return stored(context).stream().anyMatch(o -> thumbprintsOf(o).contains(thumbprint));
	}
}
