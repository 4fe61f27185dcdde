package org.dsftestbed.fhir.authorization;

import static org.dsftestbed.fhir.authorization.Decisions.assertAllowed;
import static org.dsftestbed.fhir.authorization.Decisions.assertRefused;

import org.dsftestbed.fhir.authorization.lookup.DsfIdentifiers;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** Spec §1.1/§3.2: Organization — one DSF identifier, thumbprint format and uniqueness. */
class OrganizationAuthorizationRuleTest
{
	private static final String RULE = "OrganizationAuthorizationRule";

	private final Network network = new Network();
	private final OrganizationAuthorizationRule rule = new OrganizationAuthorizationRule();

	@Test
	void newMemberOrganizationMayBeCreated()
	{
		assertAllowed(rule.create(network.localOrganization,
				Network.memberOrganization(null, "Test_TTP", true, '1'), network.context));
	}

	@Test
	void exactlyOneDsfIdentifierIsRequired()
	{
		Organization twoIdentifiers = Network.memberOrganization(null, "Test_TTP", true, '1');
		twoIdentifiers.addIdentifier().setSystem(DsfIdentifiers.ORGANIZATION).setValue("Test_TTP_2");
		assertRefused(rule.create(network.localOrganization, twoIdentifiers, network.context), RULE,
				"exactly one with system " + DsfIdentifiers.ORGANIZATION);

		Organization noIdentifier = Network.memberOrganization(null, "Test_TTP", true, '1');
		noIdentifier.getIdentifier().clear();
		assertRefused(rule.create(network.localOrganization, noIdentifier, network.context), RULE,
				"exactly one with system");
	}

	@Test
	void thumbprintsMustBeLowercaseSha512Hex()
	{
		Organization organization = Network.memberOrganization(null, "Test_TTP", true, '1');
		organization.addExtension(OrganizationAuthorizationRule.THUMBPRINT_EXTENSION,
				new StringType("ABCDEF".repeat(21) + "AB"));
		assertRefused(rule.create(network.localOrganization, organization, network.context), RULE,
				"value not matching [a-f0-9]{128}");
	}

	@Test
	void identifierMustBeUnique()
	{
		assertRefused(rule.create(network.localOrganization, Network.memberOrganization(null, Network.COS, true, '1'),
				network.context), RULE, "identifier " + Network.COS + " already exists");
	}

	@Test
	void thumbprintOfAnotherMemberOrganizationIsRefused()
	{
		// 'b' is the thumbprint of Test_COS
		assertRefused(rule.create(network.localOrganization, Network.memberOrganization(null, "Test_TTP", true, 'b'),
				network.context), RULE, "thumbprint " + Network.thumbprint('b') + " already belongs");
	}

	@Test
	void thumbprintUniquenessOnCreateAppliesToTheMemberProfileOnly()
	{
		Organization withoutProfile = Network.memberOrganization(null, "Test_TTP", true, 'b');
		withoutProfile.getMeta().getProfile().clear();
		assertAllowed(rule.create(network.localOrganization, withoutProfile, network.context));
	}

	@Test
	void updateKeepsTheIdentifierAndTakesNoForeignThumbprint()
	{
		Organization renamed = Network.memberOrganization("cos-org", "Test_COS_new", true, 'b');
		assertRefused(rule.update(network.localOrganization, network.cos, renamed, network.context), RULE,
				"identifier must not change");

		Organization stealing = Network.memberOrganization("cos-org", Network.COS, true, 'b');
		stealing.addExtension(OrganizationAuthorizationRule.THUMBPRINT_EXTENSION,
				new StringType(Network.thumbprint('c')));
		assertRefused(rule.update(network.localOrganization, network.cos, stealing, network.context), RULE,
				"thumbprint " + Network.thumbprint('c') + " already belongs");

		Organization secondCertificate = Network.memberOrganization("cos-org", Network.COS, true, 'b');
		secondCertificate.addExtension(OrganizationAuthorizationRule.THUMBPRINT_EXTENSION,
				new StringType(Network.thumbprint('9')));
		assertAllowed(rule.update(network.localOrganization, network.cos, secondCertificate, network.context));
	}
}
