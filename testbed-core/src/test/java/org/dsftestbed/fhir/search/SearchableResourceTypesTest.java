package org.dsftestbed.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The parameter lists of DSF 1.9.0's {@code *DaoJdbc} classes, as requested names including modifiers. */
class SearchableResourceTypesTest
{
	static final List<String> STANDARD = List.of("_id", "_lastUpdated", "_profile", "_profile:below");

	@Test
	void task()
	{
		assertThat(queryNames("Task")).containsExactlyInAnyOrderElementsOf(with("authored-on", "identifier",
				"identifier:not", "modified", "requester", "requester:identifier", "status", "status:not"));
		assertThat(type("Task").includes()).containsOnlyKeys("Task:requester:Practitioner",
				"Task:requester:Organization", "Task:requester:Patient", "Task:requester:PractitionerRole");
	}

	@Test
	void organizationEndpointAndAffiliation()
	{
		assertThat(queryNames("Organization")).containsExactlyInAnyOrderElementsOf(with("active", "endpoint",
				"endpoint:identifier", "identifier", "identifier:not", "name", "name:exact", "name:contains", "type",
				"type:not"));
		assertThat(type("Organization").revIncludes()).containsOnlyKeys("Endpoint:organization",
				"Endpoint:organization:Organization", "OrganizationAffiliation:primary-organization",
				"OrganizationAffiliation:primary-organization:Organization",
				"OrganizationAffiliation:participating-organization",
				"OrganizationAffiliation:participating-organization:Organization");

		assertThat(queryNames("Endpoint")).containsExactlyInAnyOrderElementsOf(with("address", "address:below",
				"identifier", "identifier:not", "name", "name:exact", "name:contains", "organization",
				"organization:identifier", "status", "status:not"));
		assertThat(type("Endpoint").revIncludes()).containsOnlyKeys("Organization:endpoint",
				"Organization:endpoint:Endpoint");

		assertThat(queryNames("OrganizationAffiliation")).containsExactlyInAnyOrderElementsOf(with("active",
				"endpoint", "endpoint:identifier", "identifier", "identifier:not", "participating-organization",
				"participating-organization:identifier", "primary-organization", "primary-organization:identifier",
				"role", "role:not"));
	}

	@Test
	void questionnaireResponseAndSubscription()
	{
		assertThat(queryNames("QuestionnaireResponse")).containsExactlyInAnyOrderElementsOf(with("authored",
				"identifier", "identifier:not", "questionnaire", "questionnaire:identifier", "status", "status:not",
				"subject", "subject:identifier"));
		assertThat(queryNames("Subscription")).containsExactlyInAnyOrderElementsOf(with("criteria", "criteria:exact",
				"criteria:contains", "payload", "payload:not", "status", "status:not", "type", "type:not"));
	}

	@Test
	void conformanceTypes()
	{
		List<String> conformance = with("date", "identifier", "identifier:not", "name", "name:exact",
				"name:contains", "status", "status:not", "url", "url:below", "version", "version:not");
		for (String type : List.of("CodeSystem", "Library", "Questionnaire", "StructureDefinition", "ValueSet"))
			assertThat(queryNames(type)).as(type).containsExactlyInAnyOrderElementsOf(conformance);

		assertThat(queryNames("ActivityDefinition")).doesNotContain("identifier:not").contains("identifier");
		assertThat(queryNames("Measure")).contains("depends-on", "depends-on:identifier");
		assertThat(queryNames("NamingSystem")).containsExactlyInAnyOrderElementsOf(
				with("date", "name", "name:exact", "name:contains", "status", "status:not"));
	}

	@Test
	void otherTypes()
	{
		assertThat(queryNames("Binary")).containsExactlyInAnyOrderElementsOf(with("contentType", "contentType:not"));
		assertThat(queryNames("Provenance")).containsExactlyInAnyOrderElementsOf(STANDARD);
		assertThat(queryNames("ResearchStudy")).contains("enrollment", "principalinvestigator");
		assertThat(type("Group").revIncludes()).containsOnlyKeys("ResearchStudy:enrollment",
				"ResearchStudy:enrollment:Group");
		assertThat(queryNames("PractitionerRole")).contains("organization", "practitioner", "active");
	}

	private static SearchableResourceType type(String name)
	{
		return SearchableResourceTypes.get(name).orElseThrow();
	}

	private static List<String> queryNames(String type)
	{
		return type(type).parameters().stream()
				.flatMap(p -> Stream.concat(Stream.of(p.name()),
						p.modifiers().stream().map(m -> p.name() + m)))
				.toList();
	}

	private static List<String> with(String... names)
	{
		return Stream.concat(STANDARD.stream(), Stream.of(names)).toList();
	}
}
