package org.dsftestbed.fhir.identity;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dsftestbed.fhir.store.ResourceStore;
import org.dsftestbed.pki.Thumbprint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;
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

	private final ResourceStore store;
	private final String localOrganizationIdentifier;
	private final Map<String, PractitionerRoleConfig> practitioners;

	public IdentityResolver(ResourceStore store, String localOrganizationIdentifier,
			List<PractitionerRoleConfig> practitioners)
	{
		this.store = store;
		this.localOrganizationIdentifier = localOrganizationIdentifier;
		this.practitioners = practitioners.stream()
				.collect(Collectors.toMap(PractitionerRoleConfig::thumbprint, Function.identity(), (a, b) -> a));
	}

	public Optional<Identity> resolve(X509Certificate certificate)
	{
		String thumbprint = Thumbprint.of(certificate);
		Map<String, Organization> activeByThumbprint = store.derived("Organization", "active-by-thumbprint",
				IdentityResolver::byThumbprint);
		Optional<Organization> organization = Optional.ofNullable(activeByThumbprint.get(thumbprint))
				.map(Organization::copy);
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
		return store.current("Organization", r -> ((Organization) r).getActive()
				&& identifierValue((Organization) r).map(localOrganizationIdentifier::equals).orElse(false)).stream()
				.map(Organization.class::cast).findFirst();
	}

	/** Active organizations by each of their thumbprints. */
	private static Map<String, Organization> byThumbprint(List<Resource> organizations)
	{
		Map<String, Organization> index = new java.util.HashMap<>();
		for (Resource resource : organizations)
			if (resource instanceof Organization organization && organization.getActive())
				for (var extension : organization.getExtensionsByUrl(THUMBPRINT_EXTENSION))
					if (extension.getValue() instanceof StringType thumbprint)
						index.putIfAbsent(thumbprint.getValue(), organization);
		return Map.copyOf(index);
	}

	public static Optional<String> identifierValue(Organization organization)
	{
		return organization.getIdentifier().stream().filter(i -> ORGANIZATION_IDENTIFIER_SYSTEM.equals(i.getSystem()))
				.map(Identifier::getValue).findFirst();
	}
}
