package org.dsftestbed.fhir.authorization;

import static org.dsftestbed.fhir.authorization.Decisions.assertAllowed;
import static org.dsftestbed.fhir.authorization.Decisions.assertRefused;
import static org.dsftestbed.fhir.authorization.Tags.all;
import static org.dsftestbed.fhir.authorization.Tags.tagged;

import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;

/** Spec §3.2: CodeSystem, ValueSet, StructureDefinition — status, url|version unique and unchanged. */
class CanonicalResourceAuthorizationRuleTest
{
	private static final String URL = "http://dsf.test/fhir/CodeSystem/test";

	private final Network network = new Network();
	private final CodeSystemAuthorizationRule codeSystems = new CodeSystemAuthorizationRule();

	private static CodeSystem codeSystem(String version, PublicationStatus status)
	{
		CodeSystem codeSystem = new CodeSystem();
		codeSystem.setUrl(URL).setVersion(version).setStatus(status);
		return tagged(codeSystem, all());
	}

	@Test
	void codeSystemWithStatusUrlVersionAndTagMayBeCreated()
	{
		assertAllowed(codeSystems.create(network.localOrganization, codeSystem("1.0", PublicationStatus.DRAFT),
				network.context));
		assertAllowed(codeSystems.create(network.localOrganization, codeSystem("1.0", PublicationStatus.RETIRED),
				network.context));
	}

	@Test
	void statusUrlAndVersionAreRequired()
	{
		assertRefused(codeSystems.create(network.localOrganization, codeSystem("1.0", PublicationStatus.UNKNOWN),
				network.context), "CodeSystemAuthorizationRule", "CodeSystem.status unknown not one of");
		assertRefused(codeSystems.create(network.localOrganization, codeSystem("1.0", null), network.context),
				"CodeSystemAuthorizationRule", "CodeSystem.status missing");
		assertRefused(codeSystems.create(network.localOrganization, codeSystem(null, PublicationStatus.ACTIVE),
				network.context), "CodeSystemAuthorizationRule", "CodeSystem.version missing");
	}

	@Test
	void urlAndVersionMustBeUnique()
	{
		network.context.add(codeSystem("1.0", PublicationStatus.ACTIVE));
		assertRefused(codeSystems.create(network.localOrganization, codeSystem("1.0", PublicationStatus.ACTIVE),
				network.context), "CodeSystemAuthorizationRule", "url|version " + URL + "|1.0 already exists");
		assertAllowed(codeSystems.create(network.localOrganization, codeSystem("1.1", PublicationStatus.ACTIVE),
				network.context));
	}

	@Test
	void updateKeepsUrlAndVersion()
	{
		CodeSystem old = network.context.add(codeSystem("1.0", PublicationStatus.DRAFT));
		assertAllowed(codeSystems.update(network.localOrganization, old, codeSystem("1.0", PublicationStatus.ACTIVE),
				network.context));
		assertRefused(codeSystems.update(network.localOrganization, old, codeSystem("2.0", PublicationStatus.ACTIVE),
				network.context), "CodeSystemAuthorizationRule", "must not change (" + URL + "|1.0 -> " + URL + "|2.0)");
	}

	@Test
	void valueSetFollowsTheSameRules()
	{
		ValueSetAuthorizationRule valueSets = new ValueSetAuthorizationRule();
		ValueSet valueSet = tagged(new ValueSet().setUrl("http://dsf.test/fhir/ValueSet/test").setVersion("1.0")
				.setStatus(PublicationStatus.ACTIVE), all());
		assertAllowed(valueSets.create(network.localOrganization, valueSet, network.context));

		network.context.add(valueSet.copy().setId("stored"));
		assertRefused(valueSets.create(network.localOrganization, valueSet, network.context),
				"ValueSetAuthorizationRule", "already exists");
	}

	@Test
	void structureDefinitionAlsoNeedsABaseDefinition()
	{
		StructureDefinitionAuthorizationRule structureDefinitions = new StructureDefinitionAuthorizationRule();
		StructureDefinition profile = tagged(new StructureDefinition(), all());
		profile.setUrl("http://dsf.test/fhir/StructureDefinition/task-test").setVersion("1.0")
				.setStatus(PublicationStatus.ACTIVE);
		assertRefused(structureDefinitions.create(network.localOrganization, profile, network.context),
				"StructureDefinitionAuthorizationRule", "baseDefinition missing");

		profile.setBaseDefinition("http://dsf.dev/fhir/StructureDefinition/task-base");
		assertAllowed(structureDefinitions.create(network.localOrganization, profile, network.context));
	}
}
