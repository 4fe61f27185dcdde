package org.dsftestbed.fhir.authorization;

import static org.dsftestbed.fhir.authorization.Decisions.assertAllowed;
import static org.dsftestbed.fhir.authorization.Decisions.assertRefused;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** Spec §2.3/§3.2: OrganizationAffiliation — references, one endpoint, codes, no duplicates. */
class OrganizationAffiliationAuthorizationRuleTest
{
	private static final String RULE = "OrganizationAffiliationAuthorizationRule";

	private final Network network = new Network();
	private final OrganizationAffiliationAuthorizationRule rule = new OrganizationAffiliationAuthorizationRule();

	private final Organization ttp = network.context.add(Network.memberOrganization("ttp-org", "Test_TTP", true, '1'));
	private final Endpoint ttpEndpoint = network.context
			.add(Network.endpoint("ttp-endpoint", "ttp.test", "https://ttp.test/fhir"));

	private OrganizationAffiliation ttpAffiliation(String role)
	{
		return Network.affiliation(network.parent, ttp, ttpEndpoint, role, true);
	}

	@Test
	void newMembershipMayBeCreated()
	{
		assertAllowed(rule.create(network.localOrganization, ttpAffiliation("TTP"), network.context));
	}

	@Test
	void referencesMustBeLiteral()
	{
		OrganizationAffiliation logicalParent = ttpAffiliation("TTP");
		logicalParent.setOrganization(Network.logicalOrganization(Network.PARENT));
		assertRefused(rule.create(network.localOrganization, logicalParent, network.context), RULE,
				"OrganizationAffiliation.organization.reference missing");
	}

	@Test
	void exactlyOneEndpointIsRequired()
	{
		OrganizationAffiliation twoEndpoints = ttpAffiliation("TTP");
		twoEndpoints.addEndpoint(Network.reference(network.cosEndpoint));
		assertRefused(rule.create(network.localOrganization, twoEndpoints, network.context), RULE,
				"endpoint: exactly one expected, found 2");
	}

	@Test
	void codesNeedCodings()
	{
		OrganizationAffiliation emptyCode = ttpAffiliation("TTP");
		emptyCode.addCode(new CodeableConcept().setText("no coding"));
		assertRefused(rule.create(network.localOrganization, emptyCode, network.context), RULE,
				"code[1].coding missing");
	}

	@Test
	void sameParentMemberAndEndpointIsADuplicate()
	{
		assertRefused(rule.create(network.localOrganization,
				Network.affiliation(network.parent, network.cos, network.cosEndpoint, "TTP", true), network.context),
				RULE, "with endpoint Endpoint/cos-endpoint already exists");
	}

	@Test
	void sameParentMemberAndRoleIsADuplicate()
	{
		network.context.add(ttpAffiliation("TTP"));
		Endpoint other = network.context.add(Network.endpoint("ttp2", "ttp2.test", "https://ttp2.test/fhir"));
		assertRefused(rule.create(network.localOrganization,
				Network.affiliation(network.parent, ttp, other, "TTP", true), network.context), RULE,
				"with role " + Network.ORGANIZATION_ROLE_SYSTEM + "|TTP already exists");
	}

	@Test
	void updateKeepsParentMemberAndEndpoint()
	{
		OrganizationAffiliation old = network.context.add(ttpAffiliation("TTP"));
		OrganizationAffiliation moreRoles = ttpAffiliation("TTP");
		moreRoles.getCodeFirstRep().addCoding(new Coding(Network.ORGANIZATION_ROLE_SYSTEM, "DIC", null));
		assertAllowed(rule.update(network.localOrganization, old, moreRoles, network.context));

		OrganizationAffiliation otherMember = ttpAffiliation("TTP");
		otherMember.setParticipatingOrganization(new Reference("Organization/hrp-org"));
		assertRefused(rule.update(network.localOrganization, old, otherMember, network.context), RULE,
				"must not change");
	}

	@Test
	void updateMayNotTakeARoleServedByAnotherEndpoint()
	{
		Endpoint second = network.context.add(Network.endpoint("ttp2", "ttp2.test", "https://ttp2.test/fhir"));
		network.context.add(Network.affiliation(network.parent, ttp, second, "DIC", true));
		OrganizationAffiliation old = network.context.add(ttpAffiliation("TTP"));

		OrganizationAffiliation takesDic = ttpAffiliation("TTP");
		takesDic.getCodeFirstRep().addCoding(new Coding(Network.ORGANIZATION_ROLE_SYSTEM, "DIC", null));
		assertRefused(rule.update(network.localOrganization, old, takesDic, network.context), RULE,
				"has role " + Network.ORGANIZATION_ROLE_SYSTEM + "|DIC with a different endpoint");
	}
}
