package org.dsftestbed.fhir.search;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.search.SearchFixture.id;
import static org.dsftestbed.fhir.search.SearchFixture.matches;
import static org.dsftestbed.fhir.search.SearchFixture.reference;

import java.util.Comparator;
import java.util.List;

import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** {@code _sort}: one value, comma-separated keys, {@code -} for descending, NULLs as in SQL. */
class SortTest
{
	final SearchFixture fixture = new SearchFixture();

	final Endpoint beta = fixture.create(new Endpoint().setName("beta"));
	final Endpoint alpha = fixture.create(new Endpoint().setName("alpha"));
	final Endpoint unnamed = fixture.create(new Endpoint());

	@Test
	void withoutSortTheWriteOrder()
	{
		assertThat(matches(fixture.search("Endpoint", ""))).containsExactly(id(beta), id(alpha), id(unnamed));

		fixture.update(beta.setName("beta 2"));

		assertThat(matches(fixture.search("Endpoint", ""))).containsExactly(id(alpha), id(unnamed), id(beta));
	}

	@Test
	void byIdAscendingAndDescending()
	{
		List<String> ascending = List.of(beta, alpha, unnamed).stream().map(SearchFixture::id)
				.sorted(Comparator.naturalOrder()).toList();

		assertThat(matches(fixture.search("Endpoint", "_sort=_id"))).containsExactlyElementsOf(ascending);
		assertThat(matches(fixture.search("Endpoint", "_sort=+_id"))).containsExactlyElementsOf(ascending);
		assertThat(matches(fixture.search("Endpoint", "_sort=-_id")))
				.containsExactlyElementsOf(ascending.stream().sorted(Comparator.reverseOrder()).toList());
	}

	@Test
	void byLastUpdated()
	{
		assertThat(matches(fixture.search("Endpoint", "_sort=-_lastUpdated"))).containsExactly(id(unnamed), id(alpha),
				id(beta));
	}

	@Test
	void missingValuesLastAscendingFirstDescending()
	{
		assertThat(matches(fixture.search("Endpoint", "_sort=name"))).containsExactly(id(alpha), id(beta),
				id(unnamed));
		assertThat(matches(fixture.search("Endpoint", "_sort=-name"))).containsExactly(id(unnamed), id(beta),
				id(alpha));
	}

	@Test
	void severalKeys()
	{
		Task a = fixture.create(new Task().setStatus(Task.TaskStatus.REQUESTED));
		Task b = fixture.create(new Task().setStatus(Task.TaskStatus.COMPLETED));
		Task c = fixture.create(new Task().setStatus(Task.TaskStatus.REQUESTED));

		assertThat(matches(fixture.search("Task", "_sort=status,-_lastUpdated"))).containsExactly(id(b), id(c),
				id(a));
	}

	@Test
	void referenceParametersIgnoreTheDirectionAsInDsf()
	{
		Organization org = fixture.create(new Organization());
		fixture.update(beta.setManagingOrganization(new Reference(reference(org))));

		assertThat(matches(fixture.search("Endpoint", "_sort=-organization")))
				.isEqualTo(matches(fixture.search("Endpoint", "_sort=organization")));
	}

	@Test
	void unknownOrRepeatedKeysAreProblems()
	{
		assertThat(fixture.search("Endpoint", "_sort=nope").problems()).singleElement()
				.satisfies(p -> assertThat(p.kind()).isEqualTo(ParameterProblem.Kind.UNPARSABLE_VALUE));
		assertThat(fixture.search("Endpoint", "_sort=name,-name").problems()).singleElement()
				.satisfies(p -> assertThat(p.kind()).isEqualTo(ParameterProblem.Kind.UNSUPPORTED_NUMBER_OF_VALUES));
		assertThat(fixture.search("Endpoint", "_sort=name:exact").problems()).hasSize(1);
		assertThat(fixture.search("Endpoint", "_sort=name&_sort=_id").problems()).singleElement()
				.satisfies(p -> assertThat(p.parameter()).isEqualTo("_sort"));
	}
}
