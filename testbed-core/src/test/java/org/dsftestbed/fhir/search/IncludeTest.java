package org.dsftestbed.fhir.search;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.search.SearchFixture.id;
import static org.dsftestbed.fhir.search.SearchFixture.includes;
import static org.dsftestbed.fhir.search.SearchFixture.matches;
import static org.dsftestbed.fhir.search.SearchFixture.reference;

import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** {@code _include} and {@code _revinclude}: targets, order, read access, paging. */
class IncludeTest
{
	final SearchFixture fixture = new SearchFixture();

	final Endpoint endpoint1 = fixture.create(new Endpoint().setName("e1"));
	final Endpoint endpoint2 = fixture.create(new Endpoint().setName("e2"));
	final Organization org1 = fixture.create(new Organization().setName("o1").addEndpoint(new Reference(reference(endpoint1))));
	final Organization org2 = fixture.create(new Organization().setName("o2").addEndpoint(new Reference(reference(endpoint2))));
	{
		endpoint1.setManagingOrganization(new Reference(reference(org1)));
		endpoint2.setManagingOrganization(new Reference(reference(org2)));
		fixture.update(endpoint1);
		fixture.update(endpoint2);
	}
	final Organization parent = fixture.create(new Organization().setName("parent"));
	final OrganizationAffiliation affiliation1 = fixture.create(new OrganizationAffiliation()
			.setOrganization(new Reference(reference(parent))).setParticipatingOrganization(new Reference(reference(org1)))
			.addEndpoint(new Reference(reference(endpoint1))));

	@Test
	void includesFollowMatchesInTheBundle()
	{
		SearchResult result = fixture.search("Endpoint", "_include=Endpoint:organization");

		assertThat(matches(result)).containsExactly(id(endpoint1), id(endpoint2));
		assertThat(includes(result)).containsExactly(id(org1), id(org2));
		assertThat(result.bundle().getEntry()).extracting(e -> e.getSearch().getMode()).containsExactly(
				SearchEntryMode.MATCH, SearchEntryMode.MATCH, SearchEntryMode.INCLUDE, SearchEntryMode.INCLUDE);
		assertThat(result.total()).isEqualTo(2);
		assertThat(result.bundle().getEntry().get(2).getFullUrl())
				.isEqualTo(SearchFixture.BASE + "/Organization/" + id(org1));
	}

	@Test
	void targetTypeMayBeNamed()
	{
		assertThat(includes(fixture.search("Endpoint", "name=e1&_include=Endpoint:organization:Organization")))
				.containsExactly(id(org1));
	}

	@Test
	void unreadableIncludesAreLeftOut()
	{
		fixture.readable = r -> !id(r).equals(id(org2));

		SearchResult result = fixture.search("Endpoint", "_include=Endpoint:organization");

		assertThat(matches(result)).hasSize(2);
		assertThat(includes(result)).containsExactly(id(org1));
	}

	@Test
	void unreadableMatchesAreNeitherReturnedNorCounted()
	{
		fixture.readable = r -> !id(r).equals(id(endpoint1));

		SearchResult result = fixture.search("Endpoint", "_include=Endpoint:organization");

		assertThat(result.total()).isEqualTo(1);
		assertThat(matches(result)).containsExactly(id(endpoint2));
		assertThat(includes(result)).containsExactly(id(org2));
	}

	@Test
	void eachIncludedResourceOnce()
	{
		fixture.create(new Endpoint().setName("e3").setManagingOrganization(new Reference(reference(org1))));

		assertThat(includes(fixture.search("Endpoint", "_include=Endpoint:organization")))
				.containsExactly(id(org1), id(org2));
	}

	@Test
	void includesOnlyForTheMatchesOfThePage()
	{
		SearchResult page2 = fixture.search("Endpoint", "_include=Endpoint:organization&_count=1&_page=2");

		assertThat(matches(page2)).containsExactly(id(endpoint2));
		assertThat(includes(page2)).containsExactly(id(org2));
		assertThat(includes(fixture.search("Endpoint", "_include=Endpoint:organization&_count=0"))).isEmpty();
	}

	@Test
	void deletedTargetsAreNotIncluded()
	{
		fixture.store.delete("Organization", id(org2));

		assertThat(includes(fixture.search("Endpoint", "_include=Endpoint:organization"))).containsExactly(id(org1));
	}

	@Test
	void organizationEndpointAndAffiliationIncludes()
	{
		assertThat(includes(fixture.search("Organization", "name=o&_include=Organization:endpoint")))
				.containsExactly(id(endpoint1), id(endpoint2));
		SearchResult affiliations = fixture.search("OrganizationAffiliation",
				"_include=OrganizationAffiliation:endpoint&_include=OrganizationAffiliation:participating-organization"
						+ "&_include=OrganizationAffiliation:primary-organization");
		assertThat(includes(affiliations)).containsExactly(id(endpoint1), id(org1), id(parent));
	}

	@Test
	void revIncludesOfOrganization()
	{
		SearchResult result = fixture.search("Organization",
				"name=o1&_revinclude=Endpoint:organization&_revinclude=OrganizationAffiliation:participating-organization");

		assertThat(matches(result)).containsExactly(id(org1));
		assertThat(includes(result)).containsExactly(id(endpoint1), id(affiliation1));
		assertThat(includes(fixture.search("Organization",
				"name=parent&_revinclude=OrganizationAffiliation:primary-organization:Organization")))
				.containsExactly(id(affiliation1));
	}

	@Test
	void revIncludeOfEndpoint()
	{
		assertThat(includes(fixture.search("Endpoint", "name=e2&_revinclude=Organization:endpoint")))
				.containsExactly(id(org2));
	}

	@Test
	void includesComeBeforeRevIncludesPerMatch()
	{
		SearchResult result = fixture.search("Endpoint",
				"_revinclude=Organization:endpoint&_include=Endpoint:organization&name=e1");

		assertThat(includes(result)).containsExactly(id(org1));
		assertThat(result.bundle().getEntry()).extracting(BundleEntryComponent::getResource)
				.extracting(r -> r.fhirType()).containsExactly("Endpoint", "Organization");
	}

	@Test
	void multiTargetReferenceNeedsTheTargetNamed()
	{
		Practitioner practitioner = fixture.create(new Practitioner());
		fixture.create(new Task().setStatus(Task.TaskStatus.DRAFT).setRequester(new Reference(reference(practitioner))));

		assertThat(fixture.search("Task", "_include=Task:requester").problems()).singleElement()
				.satisfies(p -> assertThat(p.parameter()).isEqualTo("_include"));
		assertThat(includes(fixture.search("Task", "_include=Task:requester:Practitioner")))
				.containsExactly(id(practitioner));
		assertThat(includes(fixture.search("Task", "_include=Task:requester:Organization"))).isEmpty();
	}

	@Test
	void questionnaireIncludedByCanonical()
	{
		Questionnaire v1 = fixture.create(new Questionnaire().setUrl("http://q").setVersion("1"));
		fixture.create(new Questionnaire().setUrl("http://q").setVersion("2"));
		fixture.create(new QuestionnaireResponse().setQuestionnaire("http://q|1"));

		assertThat(includes(fixture.search("QuestionnaireResponse", "_include=QuestionnaireResponse:questionnaire")))
				.containsExactly(id(v1));
	}

	@Test
	void includeNotOfferedForTheTypeIsAProblem()
	{
		SearchResult result = fixture.search("Organization", "_include=Endpoint:organization");

		assertThat(result.problems()).singleElement().satisfies(p ->
		{
			assertThat(p.kind()).isEqualTo(ParameterProblem.Kind.UNPARSABLE_VALUE);
			assertThat(p.value()).isEqualTo("Endpoint:organization");
		});
		assertThat(includes(result)).isEmpty();
		assertThat(fixture.search("Organization", "_revinclude=Endpoint:address").problems()).hasSize(1);
	}

	@Test
	void sameIncludeTwiceIsAProblem()
	{
		assertThat(fixture.search("Endpoint", "_include=Endpoint:organization&_include=Endpoint:organization")
				.problems()).extracting(ParameterProblem::kind)
				.containsExactly(ParameterProblem.Kind.UNSUPPORTED_NUMBER_OF_VALUES);
	}
}
