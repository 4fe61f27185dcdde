package org.dsftestbed.fhir.search;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.search.SearchFixture.id;
import static org.dsftestbed.fhir.search.SearchFixture.matches;

import java.util.Locale;

import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** {@code _id}: UUIDs only. */
class ResourceIdTest
{
	final SearchFixture fixture = new SearchFixture();

	final Task task = fixture.create(new Task().setStatus(Task.TaskStatus.DRAFT));
	final Task other = fixture.create(new Task().setStatus(Task.TaskStatus.DRAFT));

	@Test
	void findsTheResource()
	{
		assertThat(matches(fixture.search("Task", "_id=" + id(task)))).containsExactly(id(task));
	}

	@Test
	void upperCaseUuidMatchesAsInPostgres()
	{
		assertThat(matches(fixture.search("Task", "_id=" + id(task).toUpperCase(Locale.ROOT))))
				.containsExactly(id(task));
	}

	@Test
	void notAUuidIsAProblem()
	{
		SearchResult result = fixture.search("Task", "_id=task-1");

		assertThat(result.problems()).singleElement().satisfies(p ->
		{
			assertThat(p.kind()).isEqualTo(ParameterProblem.Kind.UNPARSABLE_VALUE);
			assertThat(p.parameter()).isEqualTo("_id");
		});
		assertThat(matches(result)).containsExactly(id(task), id(other));
	}

	@Test
	void deletedResourcesAreNotFound()
	{
		fixture.store.delete("Task", id(task));

		assertThat(fixture.search("Task", "_id=" + id(task)).total()).isZero();
	}
}
