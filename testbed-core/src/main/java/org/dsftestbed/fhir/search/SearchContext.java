package org.dsftestbed.fhir.search;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Predicate;

import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.r4.model.Resource;

/**
 * What a search needs from the server and the request.
 *
 * @param store
 *            the organization's resources
 * @param readable
 *            the caller's read access: unreadable matches and includes are left out and not counted
 * @param serverBase
 *            e.g. {@code https://localhost:8443/fhir}, without trailing slash; for fullUrls and links
 * @param defaultPageCount
 *            {@code _count} when none is given (DSF: 20)
 * @param strictHandling
 *            {@code Prefer: handling=strict}: parameter problems fail the search instead of being listed
 * @param serverTimeZone
 *            the zone in which date values without offset are read (DSF: the JVM's default zone)
 * @param clock
 *            for {@code Bundle.timestamp}
 */
public record SearchContext(ResourceStore store, Predicate<Resource> readable, String serverBase,
		int defaultPageCount, boolean strictHandling, ZoneId serverTimeZone, Clock clock)
{
	public static final int DSF_DEFAULT_PAGE_COUNT = 20;

	public SearchContext
	{
		Objects.requireNonNull(store, "store");
		Objects.requireNonNull(readable, "readable");
		Objects.requireNonNull(serverBase, "serverBase");
		Objects.requireNonNull(serverTimeZone, "serverTimeZone");
		Objects.requireNonNull(clock, "clock");
		if (defaultPageCount < 0)
			throw new IllegalArgumentException("defaultPageCount < 0");
	}

	/** Lenient handling, page count 20, the JVM's time zone and clock. */
	public static SearchContext of(ResourceStore store, Predicate<Resource> readable, String serverBase)
	{
		return new SearchContext(store, readable, serverBase, DSF_DEFAULT_PAGE_COUNT, false, ZoneId.systemDefault(),
				Clock.systemUTC());
	}

	public SearchContext withStrictHandling(boolean strict)
	{
		return new SearchContext(store, readable, serverBase, defaultPageCount, strict, serverTimeZone, clock);
	}

	public SearchContext withDefaultPageCount(int count)
	{
		return new SearchContext(store, readable, serverBase, count, strictHandling, serverTimeZone, clock);
	}

	public SearchContext withServerTimeZone(ZoneId zone)
	{
		return new SearchContext(store, readable, serverBase, defaultPageCount, strictHandling, zone, clock);
	}

	public SearchContext withClock(Clock clock)
	{
		return new SearchContext(store, readable, serverBase, defaultPageCount, strictHandling, serverTimeZone, clock);
	}
}
