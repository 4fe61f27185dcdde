package org.dsftestbed.fhir.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.authorization.Decisions.assertAllowed;
import static org.dsftestbed.fhir.authorization.Decisions.assertRefused;
import static org.dsftestbed.fhir.authorization.Tags.all;
import static org.dsftestbed.fhir.authorization.Tags.tagged;

import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** Spec §3: which types the server serves and that each request reaches the type's rule. */
class AuthorizationRulesTest
{
	private final Network network = new Network();
	private final AuthorizationRules rules = AuthorizationRules.dsf();

	@Test
	void servesTheTypesDsfHasRulesFor()
	{
		assertThat(rules.resourceTypes()).containsExactlyInAnyOrder("ActivityDefinition", "Binary", "Bundle",
				"CodeSystem", "DocumentReference", "Endpoint", "Group", "HealthcareService", "Library", "Location",
				"Measure", "MeasureReport", "NamingSystem", "Organization", "OrganizationAffiliation", "Patient",
				"Practitioner", "PractitionerRole", "Provenance", "Questionnaire", "QuestionnaireResponse",
				"ResearchStudy", "StructureDefinition", "Subscription", "Task", "ValueSet");
	}

	@Test
	void eachRuleIsNamedForItsType()
	{
		rules.resourceTypes().forEach(type -> assertThat(rules.ruleFor(type).orElseThrow().name())
				.isEqualTo(type + "AuthorizationRule"));
	}

	@Test
	void typesWithoutARuleAreRefused()
	{
		Observation observation = tagged(new Observation(), all());
		assertRefused(rules.create(network.localOrganization, observation, network.context), AuthorizationRules.NAME,
				"resource type Observation is not supported by this server");
		assertRefused(rules.read(network.localOrganization, observation, network.context), AuthorizationRules.NAME,
				"not supported");
	}

	@Test
	void requestsReachTheRuleOfTheType()
	{
		Library library = tagged(new Library(), all());
		assertAllowed(rules.create(network.localOrganization, library, network.context));
		assertRefused(rules.create(network.remoteCos, library, network.context), "LibraryAuthorizationRule",
				"only be created by local identities");

		QuestionnaireResponse response = new QuestionnaireResponse();
		assertRefused(rules.read(network.remoteCos, response, network.context),
				"QuestionnaireResponseAuthorizationRule", "only be read by local identities");
		assertRefused(rules.delete(network.localOrganization, new Task(), network.context), "TaskAuthorizationRule",
				"only draft Tasks");
		assertRefused(rules.permanentDelete(network.remoteCos, library, network.context), "LibraryAuthorizationRule",
				"local identities only");
	}

	@Test
	void updateMustKeepTheType()
	{
		assertRefused(rules.update(network.localOrganization, new Library(), new Binary(), network.context),
				AuthorizationRules.NAME, "cannot update a Library with a Binary");
		assertAllowed(rules.update(network.localOrganization, tagged(new Library(), all()), tagged(new Library(), all()),
				network.context));
	}

	@Test
	void binarySecurityContextMayBeAnyServedTypeButBinaryOrTask()
	{
		Task task = network.context.add(new Task());
		Binary binary = network.context.add(tagged(new Binary(), all()));

		assertAllowed(rules.create(network.localOrganization,
				new Binary().setSecurityContext(Network.reference(network.cosEndpoint)), network.context));
		assertRefused(rules.create(network.localOrganization, new Binary().setSecurityContext(Network.reference(task)),
				network.context), "BinaryAuthorizationRule", "securityContext");
		assertRefused(rules.create(network.localOrganization,
				new Binary().setSecurityContext(new Reference("Binary/" + binary.getIdElement().getIdPart())),
				network.context), "BinaryAuthorizationRule", "securityContext");
	}
}
