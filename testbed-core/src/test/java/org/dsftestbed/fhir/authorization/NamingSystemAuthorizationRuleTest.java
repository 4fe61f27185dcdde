package org.dsftestbed.fhir.authorization;

import static org.dsftestbed.fhir.authorization.Decisions.assertAllowed;
import static org.dsftestbed.fhir.authorization.Decisions.assertRefused;
import static org.dsftestbed.fhir.authorization.Tags.all;
import static org.dsftestbed.fhir.authorization.Tags.tagged;

import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.NamingSystem;
import org.hl7.fhir.r4.model.NamingSystem.NamingSystemIdentifierType;
import org.junit.jupiter.api.Test;

/** Spec §3.2: NamingSystem — unique name and URI unique ids, name unchanged. */
class NamingSystemAuthorizationRuleTest
{
	private static final String RULE = "NamingSystemAuthorizationRule";

	private final Network network = new Network();
	private final NamingSystemAuthorizationRule rule = new NamingSystemAuthorizationRule();

	private static NamingSystem namingSystem(String name, String... uris)
	{
		NamingSystem namingSystem = new NamingSystem().setName(name).setStatus(PublicationStatus.ACTIVE);
		for (String uri : uris)
			namingSystem.addUniqueId().setType(NamingSystemIdentifierType.URI).setValue(uri);
		return tagged(namingSystem, all());
	}

	@Test
	void namingSystemWithNameAndUniqueUriMayBeCreated()
	{
		assertAllowed(rule.create(network.localOrganization,
				namingSystem("DSF_Organization_Identifier", "http://dsf.dev/sid/organization-identifier"),
				network.context));
	}

	@Test
	void nameIsRequiredAndUrisMayNotRepeat()
	{
		assertRefused(rule.create(network.localOrganization, namingSystem(null, "http://a.test/sid"), network.context),
				RULE, "NamingSystem.name missing");
		assertRefused(rule.create(network.localOrganization,
				namingSystem("Twice", "http://a.test/sid", "http://a.test/sid"), network.context), RULE,
				"uniqueId of type uri repeated");
	}

	@Test
	void nameAndUriMustBeUniqueOnTheServer()
	{
		network.context.add(namingSystem("Existing", "http://a.test/sid"));
		assertRefused(rule.create(network.localOrganization, namingSystem("Existing", "http://b.test/sid"),
				network.context), RULE, "name 'Existing' already exists");
		assertRefused(rule.create(network.localOrganization, namingSystem("Other", "http://a.test/sid"),
				network.context), RULE, "uniqueId http://a.test/sid already exists");
	}

	@Test
	void updateKeepsTheName()
	{
		NamingSystem old = network.context.add(namingSystem("Existing", "http://a.test/sid"));
		assertAllowed(rule.update(network.localOrganization, old, namingSystem("Existing", "http://a.test/sid"),
				network.context));
		assertRefused(rule.update(network.localOrganization, old, namingSystem("Renamed", "http://a.test/sid"),
				network.context), RULE, "name must not change");
	}
}
