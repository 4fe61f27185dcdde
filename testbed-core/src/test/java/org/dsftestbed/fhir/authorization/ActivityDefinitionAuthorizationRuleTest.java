package org.dsftestbed.fhir.authorization;

import static org.dsftestbed.fhir.authorization.Decisions.assertAllowed;
import static org.dsftestbed.fhir.authorization.Decisions.assertRefused;
import static org.dsftestbed.fhir.authorization.Processes.localAll;
import static org.dsftestbed.fhir.authorization.Processes.remoteAll;

import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.junit.jupiter.api.Test;

/** Spec §3.2/§3.3: ActivityDefinition needs valid process authorizations besides the canonical-resource rules. */
class ActivityDefinitionAuthorizationRuleTest
{
	private static final String RULE = "ActivityDefinitionAuthorizationRule";

	private final Network network = new Network();
	private final ActivityDefinitionAuthorizationRule rule = new ActivityDefinitionAuthorizationRule();

	@Test
	void activityDefinitionWithValidAuthorizationMayBeCreated()
	{
		assertAllowed(rule.create(network.localOrganization, Processes.ping(remoteAll(), localAll()), network.context));
	}

	@Test
	void invalidProcessAuthorizationIsRefused()
	{
		assertRefused(rule.create(network.localOrganization, Processes.ping(localAll(), remoteAll()), network.context),
				RULE, "invalid recipient");

		ActivityDefinition withoutAuthorization = Processes.ping(localAll(), localAll());
		withoutAuthorization.getExtension().clear();
		assertRefused(rule.create(network.localOrganization, withoutAuthorization, network.context), RULE,
				"extension-process-authorization, at least one expected");
	}

	@Test
	void remoteOrganizationMayNotCreate()
	{
		assertRefused(rule.create(network.remoteCos, Processes.ping(localAll(), localAll()), network.context), RULE,
				"only be created by local identities");
	}

	@Test
	void retiredIsAStorableStatusButUnknownIsNot()
	{
		ActivityDefinition retired = Processes.ping(localAll(), localAll());
		retired.setStatus(PublicationStatus.RETIRED);
		assertAllowed(rule.create(network.localOrganization, retired, network.context));

		ActivityDefinition unknown = Processes.ping(localAll(), localAll());
		unknown.setStatus(PublicationStatus.UNKNOWN);
		assertRefused(rule.create(network.localOrganization, unknown, network.context), RULE, "status unknown");
	}

	@Test
	void processUrlAndVersionMustBeUniqueAndKept()
	{
		ActivityDefinition stored = network.context.add(Processes.ping(localAll(), localAll()));
		assertRefused(rule.create(network.localOrganization, Processes.ping(localAll(), localAll()), network.context),
				RULE, "url|version " + Processes.INSTANTIATES_CANONICAL + " already exists");

		ActivityDefinition nextVersion = Processes.ping(localAll(), localAll());
		nextVersion.setVersion("1.1");
		assertRefused(rule.update(network.localOrganization, stored, nextVersion, network.context), RULE,
				"must not change");
		assertAllowed(rule.update(network.localOrganization, stored, Processes.ping(remoteAll(), localAll()),
				network.context));
	}
}
