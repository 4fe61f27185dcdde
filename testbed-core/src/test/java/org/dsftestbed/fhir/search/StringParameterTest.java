package org.dsftestbed.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.search.SearchFixture.id;
import static org.dsftestbed.fhir.search.SearchFixture.matches;

import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;

/** String parameters: starts-with ignoring case, {@code :contains}, {@code :exact}. */
class StringParameterTest
{
	final SearchFixture fixture = new SearchFixture();

	final Endpoint dic = fixture.create(new Endpoint().setName("DIC One Endpoint"));
	final Endpoint ttp = fixture.create(new Endpoint().setName("TTP Endpoint"));
	// no name: selected by no name search
	final Endpoint unnamed = fixture.create(new Endpoint());

	@Test
	void plainNameIsStartsWithIgnoringCase()
	{
		assertThat(matches(fixture.search("Endpoint", "name=dic one"))).containsExactly(id(dic));
		assertThat(matches(fixture.search("Endpoint", "name=endpoint"))).isEmpty();
	}

	@Test
	void containsIgnoresCase()
	{
		assertThat(matches(fixture.search("Endpoint", "name:contains=ENDPOINT"))).containsExactlyInAnyOrder(id(dic),
				id(ttp));
	}

	@Test
	void exactIsCaseSensitiveEquality()
	{
		assertThat(matches(fixture.search("Endpoint", "name:exact=TTP Endpoint"))).containsExactly(id(ttp));
		assertThat(matches(fixture.search("Endpoint", "name:exact=ttp endpoint"))).isEmpty();
		assertThat(matches(fixture.search("Endpoint", "name:exact=TTP"))).isEmpty();
	}

	@Test
	void underscoreAndPercentAreLikeWildcardsAsInDsf()
	{
		assertThat(matches(fixture.search("Endpoint", "name=DIC_One"))).containsExactly(id(dic));
		assertThat(matches(fixture.search("Endpoint", "name=%Endpoint"))).containsExactlyInAnyOrder(id(dic), id(ttp));
	}

	@Test
	void organizationNameAlsoSearchesAliasesButLowerCasesOnlyTheName()
	{
		Organization lower = fixture.create(new Organization().setName("Klinikum").addAlias("uk-test"));
		Organization upper = fixture.create(new Organization().setName("Uniklinik").addAlias("UKX"));

		assertThat(matches(fixture.search("Organization", "name=UNI"))).containsExactly(id(upper));
		assertThat(matches(fixture.search("Organization", "name=UK-"))).containsExactly(id(lower));
		// the alias "UKX" is compared as is against the lower-cased pattern "uk%", so only "uk-test" matches
		assertThat(matches(fixture.search("Organization", "name=uk"))).containsExactly(id(lower));
		assertThat(matches(fixture.search("Organization", "name:exact=UKX"))).containsExactly(id(upper));
	}

	@Test
	void subscriptionCriteriaExact()
	{
		Subscription tasks = fixture.create(new Subscription().setCriteria("Task?status=requested"));
		fixture.create(new Subscription().setCriteria("Task?status=requested&_profile=x"));

		assertThat(matches(fixture.search("Subscription", "criteria:exact=Task?status=requested")))
				.containsExactly(id(tasks));
		assertThat(fixture.search("Subscription", "criteria=task?status=requested").total()).isEqualTo(2);
	}

	@Test
	void unsupportedStringModifierIsAProblem()
	{
		assertThat(fixture.search("Endpoint", "name:missing=true").problems()).singleElement()
				.satisfies(p -> assertThat(p.parameter()).isEqualTo("name:missing"));
	}
}
