package org.dsftestbed.fhir.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * A store with a clock the test moves, and searches written as query strings. Query strings are split at {@code &} and
 * the first {@code =} only, without URL-decoding, so values are written as the server sees them after decoding.
 */
class SearchFixture
{
	static final String BASE = "https://dic1.dsf.test/fhir";
	static final ZoneId SERVER_ZONE = ZoneId.of("Europe/Berlin");

	final TestClock clock = new TestClock(Instant.parse("2025-01-01T08:00:00Z"));
	final ResourceStore store = new ResourceStore(clock);
	final SearchEngine engine = new SearchEngine();
	Predicate<Resource> readable = r -> true;

	/**
	 * Stores the resource; id and meta are set on the argument too, for later use in references. The clock then ticks a
	 * millisecond, so that every write has its own {@code meta.lastUpdated} and the store order is the write order.
	 */
	<R extends Resource> R create(R resource)
	{
		Resource stored = store.create(resource);
		resource.setId(stored.fhirType() + "/" + stored.getIdElement().getIdPart());
		resource.setMeta(stored.getMeta().copy());
		clock.advance(Duration.ofMillis(1));
		return resource;
	}

	/** Stores a new version, then ticks like {@link #create(Resource)}. */
	<R extends Resource> R update(R resource)
	{
		store.update(resource);
		clock.advance(Duration.ofMillis(1));
		return resource;
	}

	/** Stores the resource {@code later} after the previous write. */
	<R extends Resource> R createAfter(Duration later, R resource)
	{
		clock.advance(later);
		return create(resource);
	}

	static String id(Resource resource)
	{
		return resource.getIdElement().getIdPart();
	}

	static String reference(Resource resource)
	{
		return resource.fhirType() + "/" + id(resource);
	}

	SearchContext context()
	{
		return new SearchContext(store, readable, BASE, SearchContext.DSF_DEFAULT_PAGE_COUNT, false, SERVER_ZONE,
				clock);
	}

	SearchResult search(String resourceType, String query)
	{
		return engine.search(resourceType, parameters(query), context());
	}

	SearchResult searchStrict(String resourceType, String query)
	{
		return engine.search(resourceType, parameters(query), context().withStrictHandling(true));
	}

	static Map<String, List<String>> parameters(String query)
	{
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		if (query.isEmpty())
			return parameters;
		for (String pair : query.split("&"))
		{
			int equals = pair.indexOf('=');
			String name = equals < 0 ? pair : pair.substring(0, equals);
			String value = equals < 0 ? "" : pair.substring(equals + 1);
			parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
		}
		return parameters;
	}

	/** Ids of the match entries, in bundle order. */
	static List<String> matches(SearchResult result)
	{
		return ids(result.bundle(), SearchEntryMode.MATCH);
	}

	/** Ids of the include entries, in bundle order. */
	static List<String> includes(SearchResult result)
	{
		return ids(result.bundle(), SearchEntryMode.INCLUDE);
	}

	static List<String> ids(Bundle bundle, SearchEntryMode mode)
	{
		return bundle.getEntry().stream().filter(e -> e.getSearch().getMode() == mode)
				.map(BundleEntryComponent::getResource).map(SearchFixture::id).toList();
	}

	static String link(SearchResult result, String relation)
	{
		Bundle.BundleLinkComponent link = result.bundle().getLink(relation);
		return link == null ? null : link.getUrl();
	}

	static String outcomeDiagnostics(SearchResult result)
	{
		return result.bundle().getEntry().stream().filter(e -> e.getSearch().getMode() == SearchEntryMode.OUTCOME)
				.map(e -> ((OperationOutcome) e.getResource()).getIssueFirstRep().getDiagnostics()).findFirst()
				.orElse(null);
	}

	static final class TestClock extends Clock
	{
		private Instant now;

		TestClock(Instant start)
		{
			this.now = start;
		}

		void advance(Duration duration)
		{
			now = now.plus(duration);
		}

		void set(Instant instant)
		{
			now = instant;
		}

		@Override
		public Instant instant()
		{
			return now;
		}

		@Override
		public ZoneId getZone()
		{
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone)
		{
			throw new UnsupportedOperationException();
		}
	}
}
