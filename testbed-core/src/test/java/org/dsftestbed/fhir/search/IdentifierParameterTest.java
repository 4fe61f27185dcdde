package org.dsftestbed.fhir.search;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.search.SearchFixture.id;
import static org.dsftestbed.fhir.search.SearchFixture.matches;

import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;

/** {@code identifier}: list identifiers by JSON containment, single identifiers by JSON equality. */
class IdentifierParameterTest
{
	static final String ORG_SID = "http://dsf.dev/sid/organization-identifier";

	final SearchFixture fixture = new SearchFixture();

	final Organization withSystem = fixture
			.create(new Organization().addIdentifier(new Identifier().setSystem(ORG_SID).setValue("dic1.test")));
	final Organization withoutSystem = fixture.create(new Organization().addIdentifier(new Identifier().setValue("dic1.test")));
	final Organization otherSystem = fixture
			.create(new Organization().addIdentifier(new Identifier().setSystem("http://other").setValue("x")));
	// DSF's :not does not select a resource without identifiers
	final Organization noIdentifier = fixture.create(new Organization().setName("none"));

	@Test
	void codeMatchesTheValueUnderAnySystem()
	{
		assertThat(matches(fixture.search("Organization", "identifier=dic1.test")))
				.containsExactlyInAnyOrder(id(withSystem), id(withoutSystem));
	}

	@Test
	void systemAndCodeNeedBoth()
	{
		assertThat(matches(fixture.search("Organization", "identifier=" + ORG_SID + "|dic1.test")))
				.containsExactly(id(withSystem));
		assertThat(matches(fixture.search("Organization", "identifier=" + ORG_SID + "|dic2.test"))).isEmpty();
	}

	@Test
	void barCodeMeansWithoutSystem()
	{
		assertThat(matches(fixture.search("Organization", "identifier=|dic1.test")))
				.containsExactly(id(withoutSystem));
	}

	@Test
	void systemBarMeansAnyValueOfTheSystem()
	{
		assertThat(matches(fixture.search("Organization", "identifier=" + ORG_SID + "|")))
				.containsExactly(id(withSystem));
	}

	@Test
	void notSelectsResourcesWithIdentifiersNoneOfWhichMatches()
	{
		// no identifier at all compares as SQL NULL in DSF and is not selected by :not
		assertThat(matches(fixture.search("Organization", "identifier:not=" + ORG_SID + "|dic1.test")))
				.containsExactlyInAnyOrder(id(withoutSystem), id(otherSystem));
	}

	@Test
	void notWithBarCodeSelectsResourcesHavingAnotherValueOrASystem()
	{
		assertThat(matches(fixture.search("Organization", "identifier:not=|dic1.test")))
				.containsExactlyInAnyOrder(id(withSystem), id(otherSystem));
	}

	@Test
	void activityDefinitionIdentifierHasNoNotModifierInDsf()
	{
		SearchResult result = fixture.search("ActivityDefinition", "identifier:not=x");

		assertThat(result.problems()).singleElement()
				.satisfies(p -> assertThat(p.kind()).isEqualTo(ParameterProblem.Kind.UNSUPPORTED_PARAMETER));
		assertThat(fixture.search("ActivityDefinition", "identifier=x").problems()).isEmpty();
	}
	final Bundle plain = fixture
			.create(new Bundle().setIdentifier(new Identifier().setSystem("http://s").setValue("v")));
	final Bundle withUse = fixture.create(new Bundle()
			.setIdentifier(new Identifier().setSystem("http://s").setValue("w").setUse(IdentifierUse.OFFICIAL)));

	@Test
	void systemAndValueMustBeTheWholeIdentifier()
	{
		assertThat(matches(fixture.search("Bundle", "identifier=http://s|v"))).containsExactly(id(plain));
		// DSF compares the identifier JSON as a whole: an extra 'use' makes it unequal
		assertThat(matches(fixture.search("Bundle", "identifier=http://s|w"))).isEmpty();
	}

	@Test
	void bareValueFindsOnlyIdentifiersWithoutSystem()
	{
		assertThat(matches(fixture.search("Bundle", "identifier=v"))).isEmpty();
	}

	@Test
	void notSelectsOtherIdentifiers()
	{
		assertThat(matches(fixture.search("Bundle", "identifier:not=http://s|v"))).containsExactly(id(withUse));
	}
}
