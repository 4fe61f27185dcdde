package org.dsftestbed.fhir.authorization;

import static org.dsftestbed.fhir.authorization.Decisions.assertAllowed;
import static org.dsftestbed.fhir.authorization.Decisions.assertRefused;
import static org.dsftestbed.fhir.authorization.Tags.local;
import static org.dsftestbed.fhir.authorization.Tags.tagged;

import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** Spec §3.2 (remaining tag-governed types): PractitionerRole must reference organization and practitioner. */
class PractitionerRoleAuthorizationRuleTest
{
	private final Network network = new Network();
	private final PractitionerRoleAuthorizationRule rule = new PractitionerRoleAuthorizationRule();

	@Test
	void practitionerRoleWithReferencesMayBeCreated()
	{
		PractitionerRole role = tagged(new PractitionerRole(), local());
		role.setOrganization(Network.reference(network.dic)).setPractitioner(new Reference("Practitioner/p1"));
		assertAllowed(rule.create(network.localOrganization, role, network.context));
	}

	@Test
	void practitionerRoleWithoutPractitionerIsRefused()
	{
		PractitionerRole role = tagged(new PractitionerRole(), local());
		role.setOrganization(Network.reference(network.dic));
		assertRefused(rule.create(network.localOrganization, role, network.context),
				"PractitionerRoleAuthorizationRule", "PractitionerRole.practitioner.reference missing");
	}
}
