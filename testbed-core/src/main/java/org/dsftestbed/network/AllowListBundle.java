package org.dsftestbed.network;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.dsftestbed.fhir.context.FhirContexts;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Endpoint.EndpointStatus;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * Builds the allow-list transaction Bundle that a DSF FHIR server loads at start ({@code DEV_DSF_FHIR_SERVER_INIT_BUNDLE}),
 * in the shape of DSF's own test bundles: member Organizations (thumbprint extension, read-access tag ALL,
 * conditional PUT by identifier), their Endpoints (conditional PUT by identifier), parent Organizations and
 * OrganizationAffiliations (conditional POST with ifNoneExist), all linked through {@code urn:uuid} full URLs.
 * The UUIDs are derived from the network and identifiers, so the same input gives the same bundle.
 *
 * <pre>{@code
 * Bundle bundle = AllowListBundle.builder(network)
 * 		.thumbprints(id -> List.of(certificates.clientThumbprint(id)))
 * 		.endpointAddress(OrganizationDefinition::defaultFhirBaseUrl)
 * 		.build();
 * }</pre>
 */
public final class AllowListBundle
{
	public static final String ORGANIZATION_IDENTIFIER_SYSTEM = "http://dsf.dev/sid/organization-identifier";
	public static final String ENDPOINT_IDENTIFIER_SYSTEM = "http://dsf.dev/sid/endpoint-identifier";
	public static final String THUMBPRINT_EXTENSION = "http://dsf.dev/fhir/StructureDefinition/extension-certificate-thumbprint";
	public static final String READ_ACCESS_TAG_SYSTEM = "http://dsf.dev/fhir/CodeSystem/read-access-tag";
	public static final String ORGANIZATION_PROFILE = "http://dsf.dev/fhir/StructureDefinition/organization";
	public static final String ORGANIZATION_PARENT_PROFILE = "http://dsf.dev/fhir/StructureDefinition/organization-parent";
	public static final String ENDPOINT_PROFILE = "http://dsf.dev/fhir/StructureDefinition/endpoint";
	public static final String ORGANIZATION_AFFILIATION_PROFILE = "http://dsf.dev/fhir/StructureDefinition/organization-affiliation";

	private final NetworkDefinition network;
	private Function<String, List<String>> thumbprints;
	private Function<OrganizationDefinition, String> endpointAddress = OrganizationDefinition::defaultFhirBaseUrl;
	private Set<String> excluded = Set.of();

	private AllowListBundle(NetworkDefinition network)
	{
		this.network = Objects.requireNonNull(network, "network");
	}

	public static AllowListBundle builder(NetworkDefinition network)
	{
		return new AllowListBundle(network);
	}

	/** Certificate thumbprints (lowercase SHA-512 hex) per organization identifier; at least one each. */
	public AllowListBundle thumbprints(Function<String, List<String>> thumbprints)
	{
		this.thumbprints = thumbprints;
		return this;
	}

	/** The FHIR base URL each organization's Endpoint announces; default {@code https://<hostname>/fhir}. */
	public AllowListBundle endpointAddress(Function<OrganizationDefinition, String> endpointAddress)
	{
		this.endpointAddress = Objects.requireNonNull(endpointAddress);
		return this;
	}

	/** Organizations to leave out, e.g. to simulate one that is not (or no longer) on the allow list. */
	public AllowListBundle excluding(Collection<String> organizationIdentifiers)
	{
		this.excluded = Set.copyOf(organizationIdentifiers);
		return this;
	}

	public Bundle build()
	{
		Objects.requireNonNull(thumbprints, "thumbprints not set");
		List<OrganizationDefinition> members = network.organizations().stream()
				.filter(o -> !excluded.contains(o.identifier())).toList();

		Map<String, String> organizationUrls = new HashMap<>();
		Map<String, String> endpointUrls = new HashMap<>();
		for (OrganizationDefinition member : members)
		{
			organizationUrls.put(member.identifier(), fullUrl("organization", member.identifier()));
			endpointUrls.put(member.identifier(), fullUrl("endpoint", member.endpointIdentifier()));
		}

		Map<String, String> parentUrls = new LinkedHashMap<>();
		for (ParentOrganization parent : network.parents())
			parentUrls.put(parent.identifier(), fullUrl("parent", parent.identifier()));

		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (OrganizationDefinition member : members)
			add(bundle, organizationUrls.get(member.identifier()),
					memberOrganization(member, endpointUrls.get(member.identifier())));
		for (OrganizationDefinition member : members)
			add(bundle, endpointUrls.get(member.identifier()),
					endpoint(member, organizationUrls.get(member.identifier())));
		for (ParentOrganization parent : network.parents())
			add(bundle, parentUrls.get(parent.identifier()), parentOrganization(parent));
		for (OrganizationDefinition member : members)
			for (Map.Entry<String, List<String>> roles : member.roles().entrySet())
				add(bundle, fullUrl("affiliation", roles.getKey() + "|" + member.identifier()),
						affiliation(member, roles.getKey(), roles.getValue(), parentUrls.get(roles.getKey()),
								organizationUrls.get(member.identifier()), endpointUrls.get(member.identifier())));
		return bundle;
	}

	/**
	 * The transaction an operator of another organization runs to take this one off its allow list: conditional
	 * deletes of its OrganizationAffiliations, its Endpoint and its Organization, in that order (the references point
	 * that way). Afterwards its client certificate's thumbprint is known nowhere on that server, which answers it 401.
	 *
	 * @param organizationIdentifier
	 *            e.g. {@code Test_TTP}
	 * @param endpointIdentifier
	 *            e.g. {@code ttp}
	 */
	public static Bundle removalTransaction(String organizationIdentifier, String endpointIdentifier)
	{
		Objects.requireNonNull(organizationIdentifier, "organizationIdentifier");
		Objects.requireNonNull(endpointIdentifier, "endpointIdentifier");
		String organization = ORGANIZATION_IDENTIFIER_SYSTEM + "|" + organizationIdentifier;
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (String conditionalUrl : List.of(
				"OrganizationAffiliation?participating-organization:identifier=" + organization,
				"Endpoint?identifier=" + ENDPOINT_IDENTIFIER_SYSTEM + "|" + endpointIdentifier,
				"Organization?identifier=" + organization))
			transaction.addEntry().getRequest().setMethod(HTTPVerb.DELETE).setUrl(conditionalUrl);
		return transaction;
	}

	/** The bundle as pretty-printed FHIR XML, the format DSF reads its init bundle in. */
	public static String toXml(Bundle bundle)
	{
		return FhirContexts.r4().newXmlParser().setPrettyPrint(true).encodeResourceToString(bundle) + "\n";
	}

	public static Bundle fromXml(String xml)
	{
		return FhirContexts.r4().newXmlParser().parseResource(Bundle.class, xml);
	}

	private static void add(Bundle bundle, String fullUrl, BundleEntryComponent entry)
	{
		bundle.addEntry(entry.setFullUrl(fullUrl));
	}

	private BundleEntryComponent memberOrganization(OrganizationDefinition member, String endpointUrl)
	{
		Organization organization = new Organization();
		tagged(organization, ORGANIZATION_PROFILE);
		List<String> memberThumbprints = thumbprints.apply(member.identifier());
		if (memberThumbprints == null || memberThumbprints.isEmpty())
			throw new IllegalArgumentException("no certificate thumbprint for organization " + member.identifier());
		for (String thumbprint : memberThumbprints)
			organization.addExtension(THUMBPRINT_EXTENSION, new StringType(thumbprint));
		organization.addIdentifier().setSystem(ORGANIZATION_IDENTIFIER_SYSTEM).setValue(member.identifier());
		organization.setActive(true);
		if (member.name() != null)
			organization.setName(member.name());
		organization.addEndpoint(new Reference(endpointUrl).setType("Endpoint"));
		return put(organization, "Organization?identifier=" + ORGANIZATION_IDENTIFIER_SYSTEM + "|" + member.identifier());
	}

	private BundleEntryComponent endpoint(OrganizationDefinition member, String organizationUrl)
	{
		Endpoint endpoint = new Endpoint();
		tagged(endpoint, ENDPOINT_PROFILE);
		endpoint.addIdentifier().setSystem(ENDPOINT_IDENTIFIER_SYSTEM).setValue(member.endpointIdentifier());
		endpoint.setStatus(EndpointStatus.ACTIVE);
		endpoint.setConnectionType(
				new Coding("http://terminology.hl7.org/CodeSystem/endpoint-connection-type", "hl7-fhir-rest", null));
		endpoint.setManagingOrganization(new Reference(organizationUrl).setType("Organization"));
		endpoint.addPayloadType(new CodeableConcept(new Coding("http://hl7.org/fhir/resource-types", "Task", null)));
		endpoint.addPayloadMimeType("application/fhir+json");
		endpoint.addPayloadMimeType("application/fhir+xml");
		String address = endpointAddress.apply(member);
		if (!NetworkDefinitionReader.ENDPOINT_ADDRESS.matcher(address).matches())
			throw new IllegalArgumentException("endpoint address '" + address + "' of organization "
					+ member.identifier() + " is not https://host[:port]/path with a port of at most 4 digits");
		endpoint.setAddress(address);
		return put(endpoint, "Endpoint?identifier=" + ENDPOINT_IDENTIFIER_SYSTEM + "|" + member.endpointIdentifier());
	}

	private static BundleEntryComponent parentOrganization(ParentOrganization parent)
	{
		Organization organization = new Organization();
		tagged(organization, ORGANIZATION_PARENT_PROFILE);
		organization.addIdentifier().setSystem(ORGANIZATION_IDENTIFIER_SYSTEM).setValue(parent.identifier());
		organization.setActive(true);
		if (parent.name() != null)
			organization.setName(parent.name());
		return post(organization, "Organization", "identifier=" + ORGANIZATION_IDENTIFIER_SYSTEM + "|" + parent.identifier());
	}

	private static BundleEntryComponent affiliation(OrganizationDefinition member, String parent, List<String> roles,
			String parentUrl, String memberUrl, String endpointUrl)
	{
		OrganizationAffiliation affiliation = new OrganizationAffiliation();
		tagged(affiliation, ORGANIZATION_AFFILIATION_PROFILE);
		affiliation.setActive(true);
		affiliation.setOrganization(new Reference(parentUrl).setType("Organization"));
		affiliation.setParticipatingOrganization(new Reference(memberUrl).setType("Organization"));
		for (String role : roles)
			affiliation.addCode(new CodeableConcept(new Coding(OrganizationRoles.SYSTEM, role, null)));
		affiliation.addEndpoint(new Reference(endpointUrl).setType("Endpoint"));
		return post(affiliation, "OrganizationAffiliation",
				"primary-organization:identifier=" + ORGANIZATION_IDENTIFIER_SYSTEM + "|" + parent
						+ "&participating-organization:identifier=" + ORGANIZATION_IDENTIFIER_SYSTEM + "|"
						+ member.identifier());
	}

	private static void tagged(Resource resource, String profile)
	{
		resource.getMeta().addProfile(profile);
		resource.getMeta().addTag(READ_ACCESS_TAG_SYSTEM, "ALL", null);
	}

	private static BundleEntryComponent put(Resource resource, String conditionalUrl)
	{
		BundleEntryComponent entry = new BundleEntryComponent().setResource(resource);
		entry.getRequest().setMethod(HTTPVerb.PUT).setUrl(conditionalUrl);
		return entry;
	}

	private static BundleEntryComponent post(Resource resource, String type, String ifNoneExist)
	{
		BundleEntryComponent entry = new BundleEntryComponent().setResource(resource);
		entry.getRequest().setMethod(HTTPVerb.POST).setUrl(type).setIfNoneExist(ifNoneExist);
		return entry;
	}

	private String fullUrl(String kind, String key)
	{
		String seed = "dsf-testbed|" + network.name() + "|" + kind + "|" + key;
		return "urn:uuid:" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
	}
}
