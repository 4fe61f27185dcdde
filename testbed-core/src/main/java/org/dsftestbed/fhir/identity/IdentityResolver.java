package org.dsftestbed.fhir.identity;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dsftestbed.pki.Thumbprint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.StringType;

/**
 * Finds the identity of a client certificate as DSF's FHIR server does: the active, not deleted Organization whose
 * thumbprint extension equals the certificate's thumbprint (local when its identifier is the server's own), else a
 * practitioner of the local organization listed in the role configuration, else nobody.
 */
public final class IdentityResolver
{
	public static final String THUMBPRINT_EXTENSION = "http://dsf.dev/fhir/StructureDefinition/extension-certificate-thumbprint";
	public static final String ORGANIZATION_IDENTIFIER_SYSTEM = "http://dsf.dev/sid/organization-identifier";

	private final Function<java.util.function.Predicate<Organization>, List<Organization>> organizations;
	private final String localOrganizationIdentifier;
	private final Map<String, PractitionerRoleConfig> practitioners;

	/**
	 * @param organizations
	 *            the current Organizations of the server matching a filter
	 */
	public IdentityResolver(Function<java.util.function.Predicate<Organization>, List<Organization>> organizations,
			String localOrganizationIdentifier, List<PractitionerRoleConfig> practitioners)
	{
		this.organizations = organizations;
		this.localOrganizationIdentifier = localOrganizationIdentifier;
		this.practitioners = practitioners.stream()
				.collect(Collectors.toMap(PractitionerRoleConfig::thumbprint, Function.identity(), (a, b) -> a));
	}

	public Optional<Identity> resolve(X509Certificate certificate)
	{
		String thumbprint = Thumbprint.of(certificate);
		Optional<Organization> organization = organizations
				.apply(o -> o.getActive() && hasThumbprint(o, thumbprint)).stream().findFirst();
		if (organization.isPresent())
		{
			String identifier = identifierValue(organization.get()).orElse("");
			return Optional.of(new OrganizationIdentity(identifier.equals(localOrganizationIdentifier),
					organization.get(), identifier, thumbprint));
		}
		PractitionerRoleConfig practitioner = practitioners.get(thumbprint);
		if (practitioner == null)
			return Optional.empty();
		return localOrganization().map(local -> new PractitionerIdentity(practitioner.name(), local,
				localOrganizationIdentifier, thumbprint, practitioner.roles(), practitioner.practitionerRoles()));
	}

	public Optional<Organization> localOrganization()
	{
		return organizations.apply(o -> o.getActive()
				&& identifierValue(o).map(localOrganizationIdentifier::equals).orElse(false)).stream().findFirst();
	}

	private static boolean hasThumbprint(Organization organization, String thumbprint)
	{
		return organization.getExtensionsByUrl(THUMBPRINT_EXTENSION).stream()
				.anyMatch(e -> e.getValue() instanceof StringType s && thumbprint.equals(s.getValue()));
	}

	public static Optional<String> identifierValue(Organization organization)
	{
		return organization.getIdentifier().stream().filter(i -> ORGANIZATION_IDENTIFIER_SYSTEM.equals(i.getSystem()))
				.map(Identifier::getValue).findFirst();
	}
}
