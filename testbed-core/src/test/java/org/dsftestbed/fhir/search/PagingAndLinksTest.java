package org.dsftestbed.fhir.search;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.dsftestbed.fhir.search.SearchFixture.BASE;
import static org.dsftestbed.fhir.search.SearchFixture.id;
import static org.dsftestbed.fhir.search.SearchFixture.link;
import static org.dsftestbed.fhir.search.SearchFixture.matches;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** Bundle.total, pages, {@code _count}, {@code _summary=count} and the links DSF puts into a searchset. */
class PagingAndLinksTest
{
	final SearchFixture fixture = new SearchFixture();

	final List<Task> tasks = IntStream.range(0, 5)
			.mapToObj(i -> fixture.createAfter(Duration.ofMinutes(1), new Task().setStatus(Task.TaskStatus.REQUESTED)))
			.toList();

	@Test
	void searchsetWithTotalAndFullUrls()
	{
		SearchResult result = fixture.search("Task", "status=requested");
		Bundle bundle = result.bundle();

		assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
		assertThat(bundle.getTotal()).isEqualTo(5);
		assertThat(bundle.getEntry()).extracting(BundleEntryComponent::getFullUrl)
				.containsExactlyElementsOf(tasks.stream().map(t -> BASE + "/Task/" + id(t)).toList());
		assertThat(bundle.getTimestamp()).isEqualTo(java.util.Date.from(fixture.clock.instant()));
	}

	@Test
	void firstPage()
	{
		SearchResult result = fixture.search("Task", "status=requested&_count=2");

		assertThat(matches(result)).containsExactly(id(tasks.get(0)), id(tasks.get(1)));
		assertThat(result.total()).isEqualTo(5);
		assertThat(query(link(result, "self"))).containsOnly(entry("status", List.of("requested")),
				entry("_count", List.of("2")), entry("_page", List.of("1")));
		assertThat(query(link(result, "first"))).containsEntry("_page", List.of("1"));
		assertThat(link(result, "previous")).isNull();
		assertThat(query(link(result, "next"))).containsEntry("_page", List.of("2")).containsEntry("_count",
				List.of("2"));
		assertThat(query(link(result, "last"))).containsEntry("_page", List.of("3"));
		assertThat(link(result, "self")).startsWith(BASE + "/Task?");
	}

	@Test
	void middleAndLastPage()
	{
		SearchResult middle = fixture.search("Task", "status=requested&_count=2&_page=2");
		SearchResult last = fixture.search("Task", "status=requested&_count=2&_page=3");

		assertThat(matches(middle)).containsExactly(id(tasks.get(2)), id(tasks.get(3)));
		assertThat(query(link(middle, "previous"))).containsEntry("_page", List.of("1"));
		assertThat(query(link(middle, "next"))).containsEntry("_page", List.of("3"));
		assertThat(matches(last)).containsExactly(id(tasks.get(4)));
		assertThat(link(last, "next")).isNull();
		assertThat(query(link(last, "last"))).containsEntry("_page", List.of("3"));
	}

	@Test
	void pageBeyondTheLastIsCountOnly()
	{
		SearchResult result = fixture.search("Task", "status=requested&_count=2&_page=4");

		assertThat(result.bundle().getEntry()).isEmpty();
		assertThat(result.total()).isEqualTo(5);
		assertThat(query(link(result, "self"))).containsOnly(entry("status", List.of("requested")),
				entry("_count", List.of("0")));
		assertThat(result.bundle().getLink()).hasSize(1);
	}

	@Test
	void countZeroGivesTotalOnly()
	{
		SearchResult result = fixture.search("Task", "_count=0");

		assertThat(result.bundle().getEntry()).isEmpty();
		assertThat(result.total()).isEqualTo(5);
		assertThat(query(link(result, "self"))).containsOnly(entry("_count", List.of("0")));
	}

	@Test
	void summaryCountGivesTotalAndLinksButNoEntries()
	{
		SearchResult result = fixture.search("Task", "_summary=count");

		assertThat(result.bundle().getEntry()).isEmpty();
		assertThat(result.total()).isEqualTo(5);
		assertThat(query(link(result, "self"))).containsEntry("_summary", List.of("count")).containsEntry("_page",
				List.of("1"));
	}

	@Test
	void emptyResultHasOnlyACountOnlySelfLink()
	{
		SearchResult result = fixture.search("Task", "status=completed");

		assertThat(result.total()).isZero();
		assertThat(result.bundle().getLink()).singleElement()
				.satisfies(l -> assertThat(query(l.getUrl())).containsEntry("_count", List.of("0")));
	}

	@Test
	void defaultPageCountWhenCountIsMissingOrUnparsable()
	{
		SearchResult result = fixture.engine.search("Task", SearchFixture.parameters("_count=abc"),
				fixture.context().withDefaultPageCount(3));

		assertThat(matches(result)).hasSize(3);
		assertThat(result.problems()).isEmpty();
		assertThat(query(link(result, "self"))).containsEntry("_count", List.of("3"));
	}

	@Test
	void negativeCountIsCountOnly()
	{
		assertThat(fixture.search("Task", "_count=-1").bundle().getEntry()).isEmpty();
	}

	@Test
	void secondCountIsAProblemAndTheFirstCounts()
	{
		SearchResult result = fixture.search("Task", "_count=1&_count=3");

		assertThat(matches(result)).hasSize(1);
		assertThat(result.problems()).singleElement().satisfies(p ->
		{
			assertThat(p.kind()).isEqualTo(ParameterProblem.Kind.UNSUPPORTED_NUMBER_OF_VALUES);
			assertThat(p.parameter()).isEqualTo("_count");
		});
	}

	@Test
	void formatPrettyAndSummaryAreEchoed()
	{
		SearchResult result = fixture.search("Task", "_format=json&_pretty=true&_summary=COUNT");

		assertThat(query(link(result, "self"))).containsEntry("_format", List.of("json"))
				.containsEntry("_pretty", List.of("true")).containsEntry("_summary", List.of("count"));
	}

	@Test
	void linksCarryNormalisedSupportedParametersOnly()
	{
		fixture.create(new Task().setStatus(Task.TaskStatus.REQUESTED)
				.addIdentifier(new Identifier().setSystem("http://s").setValue("other")));

		SearchResult result = fixture.search("Task",
				"identifier:not=http://s|v&foo=bar&status=requested&_id=not-a-uuid&_sort=-_lastUpdated");

		assertThat(query(link(result, "self"))).containsOnly(entry("identifier:not", List.of("http://s|v")),
				entry("status", List.of("requested")), entry("_sort", List.of("-_lastUpdated")),
				entry("_count", List.of("20")), entry("_page", List.of("1")));
		// names and values percent-encoded except unreserved characters
		assertThat(link(result, "self")).contains("identifier%3Anot=http%3A%2F%2Fs%7Cv");
	}

	@Test
	void linkParameterOrderDoesNotDependOnTheRequestOrder()
	{
		String forward = link(fixture.search("Task", "status=requested&_lastUpdated=ge2025-01-01&_sort=_id&_count=1"),
				"next");
		String backward = link(fixture.search("Task", "_count=1&_sort=_id&_lastUpdated=ge2025-01-01&status=requested"),
				"next");

		assertThat(forward).isEqualTo(backward);
	}

	@Test
	void repeatedParametersAreAllEchoed()
	{
		SearchResult result = fixture.search("Task", "status=requested&status:not=completed&status=requested");

		assertThat(query(link(result, "self"))).containsEntry("status", List.of("requested", "requested"))
				.containsEntry("status:not", List.of("completed"));
	}

	/** The link's query parameters, decoded, in order. */
	static Map<String, List<String>> query(String url)
	{
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		String query = url.substring(url.indexOf('?') + 1);
		for (String pair : query.split("&"))
		{
			String[] nameAndValue = pair.split("=", 2);
			parameters.computeIfAbsent(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
					n -> new ArrayList<>()).add(URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
		}
		return parameters;
	}
}
