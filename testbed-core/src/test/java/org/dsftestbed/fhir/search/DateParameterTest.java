package org.dsftestbed.fhir.search;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.search.SearchFixture.id;
import static org.dsftestbed.fhir.search.SearchFixture.link;
import static org.dsftestbed.fhir.search.SearchFixture.matches;

import java.time.Instant;

import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * Date parameters. The fixture's server zone is Europe/Berlin (UTC+1 in January); the store's clock runs in UTC.
 */
class DateParameterTest
{
	final SearchFixture fixture = new SearchFixture();

	final Task early = createAt("2025-01-01T08:30:00Z"); // 09:30 in Berlin
	final Task late = createAt("2025-01-01T09:30:00Z"); // 10:30 in Berlin

	private Task createAt(String instant)
	{
		fixture.clock.set(Instant.parse(instant));
		return fixture.create(new Task().setStatus(Task.TaskStatus.REQUESTED));
	}

	@Test
	void dateTimeWithoutOffsetIsServerLocalTimeAsInTheBpesCatchUpPoll()
	{
		assertThat(matches(fixture.search("Task", "_lastUpdated=gt2025-01-01T10:00:00"))).containsExactly(id(late));
		assertThat(matches(fixture.search("Task", "_lastUpdated=gt2025-01-01T10:30:00.000"))).isEmpty();
		assertThat(matches(fixture.search("Task", "_lastUpdated=ge2025-01-01T10:30:00.000"))).containsExactly(id(late));
	}

	@Test
	void dateTimeWithOffset()
	{
		assertThat(matches(fixture.search("Task", "_lastUpdated=gt2025-01-01T09:00:00Z"))).containsExactly(id(late));
		assertThat(matches(fixture.search("Task", "_lastUpdated=lt2025-01-01T10:00:00+01:00")))
				.containsExactly(id(early));
		assertThat(matches(fixture.search("Task", "_lastUpdated=eq2025-01-01T09:30:00+00:00")))
				.containsExactly(id(late));
		assertThat(matches(fixture.search("Task", "_lastUpdated=ne2025-01-01T09:30:00Z"))).containsExactly(id(early));
	}

	@Test
	void plusOfAnUnencodedOffsetArrivesAsSpace()
	{
		SearchResult result = fixture.search("Task", "_lastUpdated=le2025-01-01T09:30:00 01:00");

		assertThat(result.problems()).isEmpty();
		assertThat(matches(result)).containsExactly(id(early));
	}

	@Test
	void dateComparesTheServerLocalDay()
	{
		Task afterMidnightInBerlin = createAt("2025-01-01T23:30:00Z");

		assertThat(matches(fixture.search("Task", "_lastUpdated=2025-01-01"))).containsExactlyInAnyOrder(id(early),
				id(late));
		assertThat(matches(fixture.search("Task", "_lastUpdated=ge2025-01-02")))
				.containsExactly(id(afterMidnightInBerlin));
	}

	@Test
	void yearAndMonthOnlyWithoutPrefix()
	{
		assertThat(fixture.search("Task", "_lastUpdated=2025").total()).isEqualTo(2);
		assertThat(fixture.search("Task", "_lastUpdated=2025-02").total()).isZero();
		assertThat(fixture.search("Task", "_lastUpdated=gt2025").problems()).hasSize(1);
	}

	@Test
	void unparsableValueIsAProblem()
	{
		SearchResult result = fixture.search("Task", "_lastUpdated=yesterday");

		assertThat(result.problems()).singleElement().satisfies(p ->
		{
			assertThat(p.kind()).isEqualTo(ParameterProblem.Kind.UNPARSABLE_VALUE);
			assertThat(p.parameter()).isEqualTo("_lastUpdated");
		});
		assertThat(result.total()).isEqualTo(2);
	}

	@Test
	void linksEchoTheValueWithTheServerOffset()
	{
		SearchResult result = fixture.search("Task", "_lastUpdated=gt2025-01-01T10:00:00");

		assertThat(link(result, "self")).contains("_lastUpdated=gt2025-01-01T10%3A00%3A00%2B01%3A00");
	}

	@Test
	void elementDatesCompareTheirWallClockTimeIgnoringTheirOffset()
	{
		Task authored = fixture.create(
				new Task().setStatus(Task.TaskStatus.DRAFT).setAuthoredOnElement(new DateTimeType("2025-01-01T10:00:00+00:00")));

		// 10:00 as written is compared with 10:30 Berlin time: not later, although the instant is (11:00 Berlin)
		assertThat(matches(fixture.search("Task", "authored-on=gt2025-01-01T10:30:00+01:00"))).isEmpty();
		assertThat(matches(fixture.search("Task", "authored-on=lt2025-01-01T10:30:00"))).containsExactly(id(authored));
		assertThat(matches(fixture.search("Task", "authored-on=2025-01-01"))).containsExactly(id(authored));
	}
}
