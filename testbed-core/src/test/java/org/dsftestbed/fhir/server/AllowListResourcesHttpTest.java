package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.server.AuthorizationTestServer.PARENT;
import static org.dsftestbed.fhir.server.AuthorizationTestServer.path;
import static org.dsftestbed.fhir.server.AuthorizationTestServer.unique;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import org.dsftestbed.fhir.authorization.Network;
import org.dsftestbed.fhir.authorization.Tags;
import org.dsftestbed.fhir.authorization.lookup.DsfIdentifiers;
import org.dsftestbed.fhir.identity.IdentityResolver;
import org.dsftestbed.pki.IssuedCertificate;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The allow-list types over HTTPS (spec §1.1, §3.2): Organization (one DSF identifier, thumbprints as lowercase
 * SHA-512 hex, both unique, identifier unchanged), Endpoint (one DSF identifier, https address, both unique and
 * unchanged), OrganizationAffiliation (literal references, one endpoint, no second affiliation of parent and member
 * with the same endpoint or role, references unchanged) — and what an Organization's thumbprint and active flag
 * mean for the holder of the certificate.
 */
class AllowListResourcesHttpTest
{
	private static final String MEMBER_PROFILE = "http://dsf.dev/fhir/StructureDefinition/organization";
	private static final SecureRandom RANDOM = new SecureRandom();

	private static AuthorizationTestServer server;

	@BeforeAll
	static void start() throws Exception
	{
		server = AuthorizationTestServer.start();
	}

	@AfterAll
	static void stop()
	{
		server.close();
	}

	private static String newThumbprint()
	{
		byte[] bytes = new byte[64];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static String newIdentifier()
	{
		return unique("org-") + ".dsf.test";
	}

	private static Reference reference(Resource resource)
	{
		return new Reference(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
	}

	private static String organizationId(String identifier)
	{
		return server.store().current("Organization", o -> IdentityResolver.identifierValue((Organization) o)
				.map(identifier::equals).orElse(false)).get(0).getIdElement().getIdPart();
	}

	// --- Endpoint

	private static Endpoint endpoint(String identifier, String address)
	{
		return TestResources.endpoint(identifier, address, Tags.all());
	}

	private static Endpoint newEndpoint()
	{
		String host = unique("ep-") + ".dsf.test";
		return endpoint(host, "https://" + host + "/fhir");
	}

	@Test
	void endpointWithOneIdentifierAndAnHttpsAddressIsCreated() throws Exception
	{
		server.create(server.local, newEndpoint());
		// a running DSF 1.9.0 accepts a five-digit port: its pattern reads the last digit as path (spec §10)
		String host = unique("ep-") + ".dsf.test";
		server.create(server.local, endpoint(host, "https://" + host + ":18443/fhir"));
	}

	@Test
	void endpointWithoutHttpsAddressOrSingleIdentifierIsRefused() throws Exception
	{
		String host = unique("ep-") + ".dsf.test";
		server.assertCreateRefused(server.local, endpoint(host, "http://" + host + "/fhir"), "Endpoint.address");
		server.assertCreateRefused(server.local, endpoint(host, "https://" + host + "/fhir?x=1"), "Endpoint.address");
		server.assertCreateRefused(server.local, endpoint(null, "https://" + host + "/fhir"), "Endpoint.identifier");

		Endpoint twoIdentifiers = endpoint(host, "https://" + host + "/fhir");
		twoIdentifiers.addIdentifier().setSystem(DsfIdentifiers.ENDPOINT).setValue(host + ".second");
		server.assertCreateRefused(server.local, twoIdentifiers, "Endpoint.identifier");
	}

	@Test
	void endpointAddressAndIdentifierAreUnique() throws Exception
	{
		Endpoint existing = server.create(server.local, newEndpoint());
		String identifier = existing.getIdentifierFirstRep().getValue();

		server.assertCreateRefused(server.local, endpoint(unique("other-"), existing.getAddress()), "already exists");
		server.assertCreateRefused(server.local, endpoint(identifier, "https://" + unique("other-") + ".dsf.test/fhir"),
				"already exists");
	}

	@Test
	void endpointKeepsAddressAndIdentifierOnUpdate() throws Exception
	{
		Endpoint created = server.create(server.local, newEndpoint());

		server.assertUpdateRefused(server.local, created.copy().setAddress(created.getAddress() + "/other"),
				"must not change");
		Endpoint otherIdentifier = created.copy();
		otherIdentifier.getIdentifierFirstRep().setValue(unique("other-"));
		server.assertUpdateRefused(server.local, otherIdentifier, "must not change");

		assertThat(server.update(server.local, created.copy().setName("renamed")).getName()).isEqualTo("renamed");
	}

	// --- Organization

	private static Organization organization(String identifier, String... thumbprints)
	{
		Organization organization = TestResources.organization(identifier, Tags.all());
		for (String thumbprint : thumbprints)
			organization.addExtension(IdentityResolver.THUMBPRINT_EXTENSION, new StringType(thumbprint));
		return organization;
	}

	/** A member organization claiming DSF's organization profile, with its own endpoint. */
	private static Organization member(String identifier, String... thumbprints) throws Exception
	{
		Endpoint endpoint = server.create(server.local, newEndpoint());
		Organization organization = organization(identifier, thumbprints);
		organization.getMeta().addProfile(MEMBER_PROFILE);
		organization.addEndpoint(reference(endpoint));
		return organization;
	}

	@Test
	void memberOrganizationWithOneIdentifierAndValidThumbprintsIsCreated() throws Exception
	{
		Organization created = server.create(server.local, member(newIdentifier(), newThumbprint(), newThumbprint()));

		assertThat(created.getExtensionsByUrl(IdentityResolver.THUMBPRINT_EXTENSION)).hasSize(2);
	}

	@Test
	void organizationWithoutSingleIdentifierOrWithMalformedThumbprintIsRefused() throws Exception
	{
		server.assertCreateRefused(server.local, organization(null, newThumbprint()), "Organization.identifier");

		Organization twoIdentifiers = organization(newIdentifier(), newThumbprint());
		twoIdentifiers.addIdentifier().setSystem(DsfIdentifiers.ORGANIZATION).setValue(newIdentifier());
		server.assertCreateRefused(server.local, twoIdentifiers, "Organization.identifier");

		server.assertCreateRefused(server.local, organization(newIdentifier(), newThumbprint().toUpperCase()),
				"not matching");
		server.assertCreateRefused(server.local, organization(newIdentifier(), newThumbprint().substring(2)),
				"not matching");
	}

	@Test
	void organizationIdentifierAndMemberThumbprintsAreUnique() throws Exception
	{
		server.assertCreateRefused(server.local, organization(ServerFixture.REMOTE, newThumbprint()), "already exists");

		String hrpThumbprint = server.fixture.certificates.allowListThumbprints(ServerFixture.REMOTE).get(0);
		server.assertCreateRefused(server.local, member(newIdentifier(), hrpThumbprint), "already belongs");
	}

	@Test
	void organizationKeepsItsIdentifierAndTakesNoThumbprintOfAnotherOnUpdate() throws Exception
	{
		Organization created = server.create(server.local, member(newIdentifier(), newThumbprint()));

		Organization otherIdentifier = created.copy();
		otherIdentifier.getIdentifierFirstRep().setValue(newIdentifier());
		server.assertUpdateRefused(server.local, otherIdentifier, "must not change");

		Organization withThumbprintOfHrp = created.copy();
		withThumbprintOfHrp.addExtension(IdentityResolver.THUMBPRINT_EXTENSION,
				new StringType(server.fixture.certificates.allowListThumbprints(ServerFixture.REMOTE).get(0)));
		server.assertUpdateRefused(server.local, withThumbprintOfHrp, "already belongs");

		Organization withNewThumbprint = created.copy();
		withNewThumbprint.addExtension(IdentityResolver.THUMBPRINT_EXTENSION, new StringType(newThumbprint()));
		assertThat(server.update(server.local, withNewThumbprint).getExtensionsByUrl(
				IdentityResolver.THUMBPRINT_EXTENSION)).hasSize(2);
	}

	@Test
	void thumbprintOfAnActiveOrganizationAdmitsTheCertificateHolderAsRemoteOrganization() throws Exception
	{
		IssuedCertificate certificate = server.fixture.unknownCertificate();
		HttpsTestClient holder = server.fixture.client(certificate);
		String allTagged = path(server.create(server.local, TestResources.library(Tags.all())));
		assertThat(server.read(holder, allTagged)).as("not on the allow list").isEqualTo(401);

		Organization organization = server.create(server.local, member(newIdentifier(), certificate.thumbprint()));
		assertThat(server.read(holder, allTagged)).isEqualTo(200);
		server.assertCreateRefused(holder, TestResources.library(Tags.all()), "may only be created by local identities");

		server.update(server.local, organization.setActive(false));
		assertThat(server.read(holder, allTagged)).as("organization inactive").isEqualTo(401);
	}

	// --- OrganizationAffiliation

	private static OrganizationAffiliation affiliation(String parentId, String memberId, Endpoint endpoint,
			String... roles)
	{
		OrganizationAffiliation affiliation = new OrganizationAffiliation().setActive(true);
		affiliation.setOrganization(new Reference("Organization/" + parentId));
		affiliation.setParticipatingOrganization(new Reference("Organization/" + memberId));
		if (endpoint != null)
			affiliation.addEndpoint(reference(endpoint));
		for (String role : roles)
			affiliation.addCode(new CodeableConcept(new Coding(Network.ORGANIZATION_ROLE_SYSTEM, role, null)));
		return Tags.tagged(affiliation, Tags.all());
	}

	/** An affiliation of cos in the parent with a new endpoint and the given roles (cos is COS with its own). */
	private static OrganizationAffiliation cosWith(Endpoint endpoint, String... roles)
	{
		return affiliation(organizationId(PARENT), organizationId(ServerFixture.OTHER_REMOTE), endpoint, roles);
	}

	@Test
	void affiliationWithLiteralReferencesOneEndpointAndCodedRolesIsCreated() throws Exception
	{
		OrganizationAffiliation created = server.create(server.local,
				cosWith(server.create(server.local, newEndpoint()), "TTP"));

		assertThat(created.getCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("TTP");
	}

	@Test
	void affiliationWithoutLiteralReferencesOrSingleEndpointOrCodedRolesIsRefused() throws Exception
	{
		Endpoint endpoint = server.create(server.local, newEndpoint());

		server.assertCreateRefused(server.local, cosWith(null, "DTS"), "endpoint");
		OrganizationAffiliation twoEndpoints = cosWith(endpoint, "DTS");
		twoEndpoints.addEndpoint(reference(server.create(server.local, newEndpoint())));
		server.assertCreateRefused(server.local, twoEndpoints, "endpoint");

		OrganizationAffiliation logicalParent = cosWith(endpoint, "DTS");
		logicalParent.setOrganization(Network.logicalOrganization(PARENT));
		server.assertCreateRefused(server.local, logicalParent, "organization.reference missing");

		server.assertCreateRefused(server.local, cosWith(endpoint), "code missing");
		OrganizationAffiliation uncodedRole = cosWith(endpoint);
		uncodedRole.addCode().setText("a role without coding");
		server.assertCreateRefused(server.local, uncodedRole, "coding missing");
	}

	@Test
	void affiliationOfTheSameParentAndMemberNeedsAnotherEndpointAndOtherRoles() throws Exception
	{
		Endpoint endpoint = server.create(server.local, newEndpoint());
		server.create(server.local, cosWith(endpoint, "DMS"));

		server.assertCreateRefused(server.local, cosWith(endpoint, "AMS"), "already exists");
		server.assertCreateRefused(server.local, cosWith(server.create(server.local, newEndpoint()), "DMS"),
				"already exists");

		server.create(server.local, cosWith(server.create(server.local, newEndpoint()), "AMS"));
	}

	@Test
	void affiliationKeepsParentMemberAndEndpointOnUpdate() throws Exception
	{
		OrganizationAffiliation created = server.create(server.local,
				cosWith(server.create(server.local, newEndpoint()), "CRR"));

		server.assertUpdateRefused(server.local,
				created.copy().setOrganization(new Reference("Organization/" + organizationId(ServerFixture.LOCAL))),
				"must not change");
		server.assertUpdateRefused(server.local, created.copy().setParticipatingOrganization(
				new Reference("Organization/" + organizationId(ServerFixture.REMOTE))), "must not change");
		OrganizationAffiliation otherEndpoint = created.copy();
		otherEndpoint.setEndpoint(List.of(reference(server.create(server.local, newEndpoint()))));
		server.assertUpdateRefused(server.local, otherEndpoint, "must not change");

		OrganizationAffiliation withRoleOfAnotherEndpoint = created.copy();
		withRoleOfAnotherEndpoint.addCode(new CodeableConcept(new Coding(Network.ORGANIZATION_ROLE_SYSTEM, "COS",
				null)));
		server.assertUpdateRefused(server.local, withRoleOfAnotherEndpoint, "different endpoint");

		assertThat(server.update(server.local, created.copy().setActive(false)).getActive()).isFalse();
	}
}
