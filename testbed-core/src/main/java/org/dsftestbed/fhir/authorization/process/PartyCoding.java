package org.dsftestbed.fhir.authorization.process;

import java.util.List;
import java.util.Optional;

import org.dsftestbed.fhir.authorization.lookup.DsfIdentifiers;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;

/**
 * Reads a {@code requester} or {@code recipient} coding of the process-authorization extension into a {@link Party}.
 * A coding that does not carry exactly the extension its code needs is not a party (and makes the
 * ActivityDefinition invalid).
 */
public final class PartyCoding
{
	public static final String EXTENSION_PRACTITIONER = "http://dsf.dev/fhir/StructureDefinition/extension-process-authorization-practitioner";
	public static final String EXTENSION_ORGANIZATION = "http://dsf.dev/fhir/StructureDefinition/extension-process-authorization-organization";
	public static final String EXTENSION_ORGANIZATION_PRACTITIONER = "http://dsf.dev/fhir/StructureDefinition/extension-process-authorization-organization-practitioner";
	public static final String EXTENSION_PARENT_ORGANIZATION_ROLE = "http://dsf.dev/fhir/StructureDefinition/extension-process-authorization-parent-organization-role";
	public static final String EXTENSION_PARENT_ORGANIZATION_ROLE_PRACTITIONER = "http://dsf.dev/fhir/StructureDefinition/extension-process-authorization-parent-organization-role-practitioner";

	public static final String ORGANIZATION = "organization";
	public static final String PARENT_ORGANIZATION = "parent-organization";
	public static final String ORGANIZATION_ROLE = "organization-role";
	public static final String PRACTITIONER_ROLE = "practitioner-role";

	private PartyCoding()
	{
	}

	public static Optional<Party> requester(Coding coding)
	{
		return ProcessAuthorizationCode.of(coding).flatMap(code -> party(code, coding));
	}

	public static Optional<Party> recipient(Coding coding)
	{
		return ProcessAuthorizationCode.of(coding).filter(ProcessAuthorizationCode::allowedAsRecipient)
				.flatMap(code -> party(code, coding));
	}

	private static Optional<Party> party(ProcessAuthorizationCode code, Coding coding)
	{
		return switch (code)
		{
			case LOCAL_ALL, REMOTE_ALL -> Optional.of(new Party.Any(code, null));
			case LOCAL_ALL_PRACTITIONER -> single(coding.getExtension(), EXTENSION_PRACTITIONER)
					.flatMap(e -> coding(e.getValue())).map(role -> new Party.Any(code, role));
			case LOCAL_ORGANIZATION, REMOTE_ORGANIZATION -> single(coding.getExtension(), EXTENSION_ORGANIZATION)
					.flatMap(e -> organizationIdentifier(e.getValue()))
					.map(org -> new Party.OfOrganization(code, org, null));
			case LOCAL_ORGANIZATION_PRACTITIONER -> single(coding.getExtension(), EXTENSION_ORGANIZATION_PRACTITIONER)
					.flatMap(e -> organizationPractitioner(code, e));
			case LOCAL_ROLE, REMOTE_ROLE -> single(coding.getExtension(), EXTENSION_PARENT_ORGANIZATION_ROLE)
					.flatMap(e -> role(code, e, false));
			case LOCAL_ROLE_PRACTITIONER -> single(coding.getExtension(), EXTENSION_PARENT_ORGANIZATION_ROLE_PRACTITIONER)
					.flatMap(e -> role(code, e, true));
		};
	}

	private static Optional<Party> organizationPractitioner(ProcessAuthorizationCode code, Extension extension)
	{
		Optional<String> organization = single(extension.getExtension(), ORGANIZATION)
				.flatMap(e -> organizationIdentifier(e.getValue()));
		Optional<Coding> practitionerRole = single(extension.getExtension(), PRACTITIONER_ROLE)
				.flatMap(e -> coding(e.getValue()));
		if (organization.isEmpty() || practitionerRole.isEmpty())
			return Optional.empty();
		return Optional.of(new Party.OfOrganization(code, organization.get(), practitionerRole.get()));
	}

	private static Optional<Party> role(ProcessAuthorizationCode code, Extension extension, boolean withPractitioner)
	{
		Optional<String> parent = single(extension.getExtension(), PARENT_ORGANIZATION)
				.flatMap(e -> organizationIdentifier(e.getValue()));
		Optional<Coding> organizationRole = single(extension.getExtension(), ORGANIZATION_ROLE)
				.flatMap(e -> coding(e.getValue()));
		Optional<Coding> practitionerRole = withPractitioner
				? single(extension.getExtension(), PRACTITIONER_ROLE).flatMap(e -> coding(e.getValue()))
				: Optional.empty();
		if (parent.isEmpty() || organizationRole.isEmpty() || (withPractitioner && practitionerRole.isEmpty()))
			return Optional.empty();
		return Optional.of(new Party.WithRole(code, parent.get(), organizationRole.get(), practitionerRole.orElse(null)));
	}

	private static Optional<Extension> single(List<Extension> extensions, String url)
	{
		List<Extension> matching = extensions.stream().filter(e -> url.equals(e.getUrl())).toList();
		return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
	}

	private static Optional<String> organizationIdentifier(Object value)
	{
		return value instanceof Identifier identifier && DsfIdentifiers.isOrganizationIdentifier(identifier)
				? Optional.of(identifier.getValue())
				: Optional.empty();
	}

	private static Optional<Coding> coding(Object value)
	{
		return value instanceof Coding coding && coding.hasSystem() && coding.hasCode() ? Optional.of(coding)
				: Optional.empty();
	}
}
