package org.dsftestbed.fhir.authorization;

import java.util.Set;

import org.dsftestbed.fhir.authorization.lookup.DsfIdentifiers;
import org.dsftestbed.fhir.identity.FhirServerRole;
import org.dsftestbed.fhir.identity.Identity;
import org.dsftestbed.fhir.identity.OrganizationIdentity;
import org.dsftestbed.fhir.identity.PractitionerIdentity;
import org.dsftestbed.fhir.identity.PractitionerRoleConfig;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The allow list the rule tests run against, seen from the server of {@value #DIC}:
 * <ul>
 * <li>{@value #DIC} (local), {@value #COS} and {@value #HRP} (remote), all active; {@value #OLD} (remote, inactive);</li>
 * <li>parent {@value #PARENT} with active affiliations DIC→DIC, COS→COS, HRP→HRP and an <i>inactive</i> HRP→TTP;</li>
 * <li>inactive parent {@value #INACTIVE_PARENT} with an active affiliation COS→TTP;</li>
 * <li>the organization-role CodeSystem with DIC, COS, HRP, TTP.</li>
 * </ul>
 */
public final class Network
{
	public static final String DIC = "Test_DIC";
	public static final String COS = "Test_COS";
	public static final String HRP = "Test_HRP";
	public static final String OLD = "Test_OLD";
	public static final String PARENT = "medizininformatik-initiative.de";
	public static final String INACTIVE_PARENT = "retired-consortium.de";

	public static final String ORGANIZATION_ROLE_SYSTEM = "http://dsf.dev/fhir/CodeSystem/organization-role";
	public static final Coding DSF_ADMIN = new Coding(PractitionerRoleConfig.PRACTITIONER_ROLE_SYSTEM, "DSF_ADMIN",
			null);
	public static final Coding DIC_USER = new Coding(PractitionerRoleConfig.PRACTITIONER_ROLE_SYSTEM, "DIC_USER", null);

	public final InMemoryAuthorizationContext context = new InMemoryAuthorizationContext(DIC);

	public final Organization dic = context.add(memberOrganization("dic-org", DIC, true, 'a'));
	public final Organization cos = context.add(memberOrganization("cos-org", COS, true, 'b'));
	public final Organization hrp = context.add(memberOrganization("hrp-org", HRP, true, 'c'));
	public final Organization old = context.add(memberOrganization("old-org", OLD, false, 'd'));
	public final Organization parent = context.add(parentOrganization("parent-org", PARENT, true));
	public final Organization inactiveParent = context.add(parentOrganization("inactive-parent-org", INACTIVE_PARENT,
			false));

	public final Endpoint dicEndpoint = context.add(endpoint("dic-endpoint", "dic.test", "https://dic.test/fhir"));
	public final Endpoint cosEndpoint = context.add(endpoint("cos-endpoint", "cos.test", "https://cos.test/fhir"));
	public final Endpoint hrpEndpoint = context.add(endpoint("hrp-endpoint", "hrp.test", "https://hrp.test/fhir"));

	public final OrganizationAffiliation dicIsDic = context.add(affiliation(parent, dic, dicEndpoint, "DIC", true));
	public final OrganizationAffiliation cosIsCos = context.add(affiliation(parent, cos, cosEndpoint, "COS", true));
	public final OrganizationAffiliation hrpIsHrp = context.add(affiliation(parent, hrp, hrpEndpoint, "HRP", true));
	public final OrganizationAffiliation hrpWasTtp = context.add(affiliation(parent, hrp, hrpEndpoint, "TTP", false));
	public final OrganizationAffiliation cosIsTtpInRetiredParent = context
			.add(affiliation(inactiveParent, cos, cosEndpoint, "TTP", true));

	public final CodeSystem organizationRoles = context.add(organizationRoleCodeSystem());

	public final Identity localOrganization = new OrganizationIdentity(true, dic, DIC, thumbprint('a'));
	public final Identity localAdmin = new PractitionerIdentity("admin", dic, DIC, thumbprint('e'),
			FhirServerRole.LOCAL_ORGANIZATION, Set.of(DSF_ADMIN));
	public final Identity localUserWithoutRole = new PractitionerIdentity("user", dic, DIC, thumbprint('f'),
			FhirServerRole.LOCAL_ORGANIZATION, Set.of());
	public final Identity remoteCos = new OrganizationIdentity(false, cos, COS, thumbprint('b'));
	public final Identity remoteHrp = new OrganizationIdentity(false, hrp, HRP, thumbprint('c'));
	public final Identity remoteOld = new OrganizationIdentity(false, old, OLD, thumbprint('d'));

	public static String thumbprint(char c)
	{
		return String.valueOf(c).repeat(128);
	}

	public static Organization memberOrganization(String id, String identifier, boolean active, char thumbprint)
	{
		Organization organization = organization(id, identifier, active);
		organization.getMeta().addProfile("http://dsf.dev/fhir/StructureDefinition/organization");
		organization.addExtension(
				"http://dsf.dev/fhir/StructureDefinition/extension-certificate-thumbprint",
				new StringType(thumbprint(thumbprint)));
		return organization;
	}

	public static Organization parentOrganization(String id, String identifier, boolean active)
	{
		Organization organization = organization(id, identifier, active);
		organization.getMeta().addProfile("http://dsf.dev/fhir/StructureDefinition/organization-parent");
		return organization;
	}

	private static Organization organization(String id, String identifier, boolean active)
	{
		Organization organization = new Organization();
		organization.setId(id);
		organization.addIdentifier().setSystem(DsfIdentifiers.ORGANIZATION).setValue(identifier);
		organization.setActive(active);
		return Tags.tagged(organization, Tags.all());
	}

	public static Endpoint endpoint(String id, String identifier, String address)
	{
		Endpoint endpoint = new Endpoint();
		endpoint.setId(id);
		endpoint.addIdentifier().setSystem(DsfIdentifiers.ENDPOINT).setValue(identifier);
		endpoint.setAddress(address);
		return Tags.tagged(endpoint, Tags.all());
	}

	public static OrganizationAffiliation affiliation(Organization parent, Organization member, Endpoint endpoint,
			String role, boolean active)
	{
		OrganizationAffiliation affiliation = new OrganizationAffiliation();
		affiliation.setActive(active);
		affiliation.setOrganization(reference(parent));
		affiliation.setParticipatingOrganization(reference(member));
		affiliation.addEndpoint(reference(endpoint));
		affiliation.addCode().addCoding(new Coding(ORGANIZATION_ROLE_SYSTEM, role, null));
		return Tags.tagged(affiliation, Tags.all());
	}

	public static Reference reference(org.hl7.fhir.r4.model.Resource resource)
	{
		return new Reference(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
	}

	/** A logical reference to an organization, as DSF clients send in Tasks. */
	public static Reference logicalOrganization(String identifier)
	{
		Reference reference = new Reference().setType("Organization");
		reference.getIdentifier().setSystem(DsfIdentifiers.ORGANIZATION).setValue(identifier);
		return reference;
	}

	private static CodeSystem organizationRoleCodeSystem()
	{
		CodeSystem codeSystem = new CodeSystem();
		codeSystem.setUrl(ORGANIZATION_ROLE_SYSTEM).setVersion("1.0.0").setStatus(PublicationStatus.ACTIVE);
		for (String code : new String[] { "DIC", "COS", "HRP", "TTP" })
			codeSystem.addConcept().setCode(code);
		return Tags.tagged(codeSystem, Tags.all());
	}
}
