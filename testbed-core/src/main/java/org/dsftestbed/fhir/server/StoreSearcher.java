package org.dsftestbed.fhir.server;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.dsftestbed.fhir.identity.Identity;
import org.dsftestbed.fhir.rest.Authorizer;
import org.dsftestbed.fhir.rest.FhirException;
import org.dsftestbed.fhir.rest.Searcher;
import org.dsftestbed.fhir.search.SearchContext;
import org.dsftestbed.fhir.search.SearchEngine;
import org.dsftestbed.fhir.search.SearchParameterException;
import org.dsftestbed.fhir.search.SearchQuery;
import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;

/** The search engine over a server's store, with the caller's read rule as filter. */
final class StoreSearcher implements Searcher
{
	private static final SearchEngine ENGINE = new SearchEngine();

	private final ResourceStore store;
	private final Authorizer authorizer;
	private final String baseUrl;
	private final int pageCount;
	private final Clock clock;

	StoreSearcher(ResourceStore store, Authorizer authorizer, String baseUrl, int pageCount, Clock clock)
	{
		this.store = store;
		this.authorizer = authorizer;
		this.baseUrl = baseUrl;
		this.pageCount = pageCount;
		this.clock = clock;
	}

	static List<String> supportedTypes()
	{
		return ENGINE.supportedResourceTypes();
	}

	@Override
	public Bundle search(String type, Map<String, List<String>> parameters, Identity identity, boolean strict)
	{
		SearchContext context = context(r -> authorizer.read(identity, r).isAllowed()).withStrictHandling(strict);
		try
		{
			return ENGINE.search(type, parameters, context).bundle();
		}
		catch (SearchParameterException e)
		{
			throw new FhirException(e.status(), e.toOperationOutcome());
		}
		catch (IllegalArgumentException e)
		{
			throw new FhirException(404, IssueType.NOTSUPPORTED, e.getMessage());
		}
	}

	@Override
	public List<Resource> matches(String type, Map<String, List<String>> criteria)
	{
		SearchContext context = context(r -> true);
		SearchQuery query;
		try
		{
			query = ENGINE.parse(type, criteria, context);
		}
		catch (IllegalArgumentException e)
		{
			throw new FhirException(404, IssueType.NOTSUPPORTED, e.getMessage());
		}
		if (!query.problems().isEmpty())
			throw new FhirException(400, new SearchParameterException(query.problems()).toOperationOutcome());
		return store.current(type, r -> query.matches(r, store));
	}

	private SearchContext context(java.util.function.Predicate<Resource> readable)
	{
		return SearchContext.of(store, readable, baseUrl).withDefaultPageCount(pageCount).withClock(clock);
	}
}
