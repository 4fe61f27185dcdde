package org.dsftestbed.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.search.SearchFixture.id;
import static org.dsftestbed.fhir.search.SearchFixture.matches;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.junit.jupiter.api.Test;

/** Token parameters on CodeableConcepts: OrganizationAffiliation role. */
class CodingParameterTest
{
	static final String ROLE = "http://dsf.dev/fhir/CodeSystem/organization-role";

	final SearchFixture fixture = new SearchFixture();

	final OrganizationAffiliation dic = fixture.create(new OrganizationAffiliation()
			.addCode(new CodeableConcept(new Coding(ROLE, "DIC", null))));
	final OrganizationAffiliation ttp = fixture.create(new OrganizationAffiliation()
			.addCode(new CodeableConcept(new Coding(ROLE, "TTP", null)).addCoding(new Coding(null, "X", null))));
	// DSF's :not does not select a resource without codings
	final OrganizationAffiliation none = fixture.create(new OrganizationAffiliation());

	@Test
	void anyCodingOfAnyConceptMatches()
	{
		assertThat(matches(fixture.search("OrganizationAffiliation", "role=" + ROLE + "|DIC")))
				.containsExactly(id(dic));
		assertThat(matches(fixture.search("OrganizationAffiliation", "role=|X"))).containsExactly(id(ttp));
		assertThat(matches(fixture.search("OrganizationAffiliation", "role=" + ROLE + "|")))
				.containsExactlyInAnyOrder(id(dic), id(ttp));
	}

	@Test
	void notLeavesOutResourcesWithoutCodings()
	{
		assertThat(matches(fixture.search("OrganizationAffiliation", "role:not=" + ROLE + "|DIC")))
				.containsExactly(id(ttp));
	}
}
