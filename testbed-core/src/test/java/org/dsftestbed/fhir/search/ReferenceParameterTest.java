package org.dsftestbed.fhir.search;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.search.SearchFixture.id;
import static org.dsftestbed.fhir.search.SearchFixture.matches;
import static org.dsftestbed.fhir.search.SearchFixture.reference;

import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** Reference parameters: {@code Type/id}, id, absolute URL, {@code :identifier} through the referenced resource. */
class ReferenceParameterTest
{
	static final String ORG_SID = "http://dsf.dev/sid/organization-identifier";
	static final String ENDPOINT_SID = "http://dsf.dev/sid/endpoint-identifier";

	final SearchFixture fixture = new SearchFixture();

	final Organization dic1 = fixture
			.create(new Organization().addIdentifier(new Identifier().setSystem(ORG_SID).setValue("dic1.test")));
	final Organization dic2 = fixture
			.create(new Organization().addIdentifier(new Identifier().setSystem(ORG_SID).setValue("dic2.test")));

	final Endpoint dic1Endpoint = fixture.create(new Endpoint().setManagingOrganization(new Reference(reference(dic1)))
			.addIdentifier(new Identifier().setSystem(ENDPOINT_SID).setValue("dic1-endpoint")));
	final Endpoint dic2Endpoint = fixture.create(new Endpoint().setManagingOrganization(new Reference(reference(dic2)))
			.addIdentifier(new Identifier().setSystem(ENDPOINT_SID).setValue("dic2-endpoint")));
	final Endpoint absolute = fixture.create(
			new Endpoint().setManagingOrganization(new Reference("https://dic3.dsf.test/fhir/Organization/42")));

	@Test
	void typeAndId()
	{
		assertThat(matches(fixture.search("Endpoint", "organization=" + reference(dic1))))
				.containsExactly(id(dic1Endpoint));
	}

	@Test
	void bareIdStandsForTheTargetType()
	{
		assertThat(matches(fixture.search("Endpoint", "organization=" + id(dic2)))).containsExactly(id(dic2Endpoint));
	}

	@Test
	void absoluteUrlComparesTheLiteralReference()
	{
		assertThat(matches(fixture.search("Endpoint", "organization=https://dic3.dsf.test/fhir/Organization/42")))
				.containsExactly(id(absolute));
	}

	@Test
	void identifierOfTheReferencedResource()
	{
		assertThat(matches(fixture.search("Endpoint", "organization:identifier=" + ORG_SID + "|dic2.test")))
				.containsExactly(id(dic2Endpoint));
		assertThat(matches(fixture.search("Endpoint", "organization:identifier=dic1.test")))
				.containsExactly(id(dic1Endpoint));
		assertThat(matches(fixture.search("Endpoint", "organization:identifier=" + ORG_SID + "|dic9.test"))).isEmpty();
	}

	@Test
	void identifierIgnoresDeletedReferencedResources()
	{
		fixture.store.delete("Organization", id(dic2));

		assertThat(matches(fixture.search("Endpoint", "organization:identifier=" + ORG_SID + "|dic2.test"))).isEmpty();
	}

	@Test
	void identifierThroughAListOfReferences()
	{
		OrganizationAffiliation affiliation = fixture.create(new OrganizationAffiliation()
				.addEndpoint(new Reference(reference(dic1Endpoint))).addEndpoint(new Reference(reference(dic2Endpoint))));
		fixture.create(new OrganizationAffiliation().addEndpoint(new Reference(reference(dic1Endpoint))));

		assertThat(matches(fixture.search("OrganizationAffiliation",
				"endpoint:identifier=" + ENDPOINT_SID + "|dic2-endpoint"))).containsExactly(id(affiliation));
		assertThat(matches(fixture.search("OrganizationAffiliation", "endpoint=" + reference(dic2Endpoint))))
				.containsExactly(id(affiliation));
	}

	@Test
	void logicalReferenceIsFoundByItsLiteralReference()
	{
		// DSF stores a resolved logical reference with both identifier and literal reference
		Task task = fixture.create(new Task().setRequester(new Reference(reference(dic1))
				.setIdentifier(new Identifier().setSystem(ORG_SID).setValue("dic1.test"))));
		fixture.create(new Task().setRequester(
				new Reference().setIdentifier(new Identifier().setSystem(ORG_SID).setValue("dic1.test"))));

		assertThat(matches(fixture.search("Task", "requester=" + reference(dic1)))).containsExactly(id(task));
		assertThat(matches(fixture.search("Task", "requester:identifier=" + ORG_SID + "|dic1.test")))
				.containsExactly(id(task));
	}

	@Test
	void bareIdOfAMultiTypeReferenceMatchesAnyTargetType()
	{
		Practitioner practitioner = fixture.create(new Practitioner());
		Task byPractitioner = fixture.create(new Task().setRequester(new Reference(reference(practitioner))));
		Task byOrganization = fixture.create(new Task().setRequester(new Reference(reference(dic1))));

		assertThat(matches(fixture.search("Task", "requester=" + id(practitioner)))).containsExactly(id(byPractitioner));
		assertThat(matches(fixture.search("Task", "requester=" + id(dic1)))).containsExactly(id(byOrganization));
	}

	@Test
	void wrongTargetTypeIsAProblem()
	{
		SearchResult result = fixture.search("Endpoint", "organization=Patient/" + id(dic1));

		assertThat(result.problems()).singleElement().satisfies(p ->
		{
			assertThat(p.kind()).isEqualTo(ParameterProblem.Kind.UNPARSABLE_VALUE);
			assertThat(p.parameter()).isEqualTo("organization");
		});
		assertThat(result.total()).isEqualTo(3);
	}

	@Test
	void versionedOrLongerPathsAreProblems()
	{
		assertThat(fixture.search("Endpoint", "organization=Organization/" + id(dic1) + "/_history/1").problems())
				.hasSize(1);
	}

	@Test
	void typedModifierIsUnsupportedInDsf()
	{
		assertThat(fixture.search("Endpoint", "organization:Organization=" + id(dic1)).problems()).singleElement()
				.satisfies(p -> assertThat(p.kind()).isEqualTo(ParameterProblem.Kind.UNSUPPORTED_PARAMETER));
	}
}
