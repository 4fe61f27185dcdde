package org.dsftestbed.fhir.search;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.dsftestbed.fhir.search.parameter.basic.Inclusion;
import org.dsftestbed.fhir.search.parameter.basic.References;
import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;

/**
 * The search of a DSF 1.9.0 FHIR server, without HTTP: {@code GET [base]/[type]?[parameters]} in, searchset Bundle
 * out.
 * <p>
 * Example: {@code new SearchEngine().search("Endpoint", Map.of("status", List.of("active"), "address",
 * List.of(base)), SearchContext.of(store, readAccess, base))}.
 */
public final class SearchEngine
{
	/** The resource types with a search ({@code GET [base]/[type]}), e.g. {@code Task}. */
	public List<String> supportedResourceTypes()
	{
		return SearchableResourceTypes.names();
	}

	/**
	 * @param resourceType
	 *            one of {@link #supportedResourceTypes()}
	 * @param queryParameters
	 *            URL-decoded, in request order (e.g. a {@link java.util.LinkedHashMap})
	 * @return the searchset; in lenient handling parameter problems are listed in an {@code outcome} entry
	 * @throws SearchParameterException
	 *             (status 400) with strict handling, when a parameter is unsupported or its value unusable
	 * @throws IllegalArgumentException
	 *             for a resource type without search
	 */
	public SearchResult search(String resourceType, Map<String, List<String>> queryParameters, SearchContext context)
	{
		SearchQuery query = parse(resourceType, queryParameters, context);
		if (context.strictHandling() && !query.problems().isEmpty())
			throw new SearchParameterException(query.problems());

		ResourceStore store = context.store();
		// copies, filtered outside the store's lock: HAPI getters create missing elements while being read
		List<Resource> matches = store.current(resourceType, r -> true).stream().filter(context.readable())
				.filter(r -> query.matches(r, store)).sorted(query.order()).toList();

		int total = matches.size();
		Paging paging = query.paging();
		List<Resource> page = paging.countOnly(total) ? List.of()
				: matches.subList(paging.offset(), Math.min(paging.offset() + paging.count(), total));
		List<Resource> included = included(page, query, context);

		Bundle bundle = new Bundle();
		bundle.setType(BundleType.SEARCHSET);
		bundle.setTimestamp(Date.from(context.clock().instant()));
		if (!query.summaryCountOnly())
		{
			page.forEach(r -> bundle.addEntry(entry(r, SearchEntryMode.MATCH, context)));
			included.forEach(r -> bundle.addEntry(entry(r, SearchEntryMode.INCLUDE, context)));
		}
		if (!query.problems().isEmpty())
			bundle.addEntry(entry(warning(query.problems()), SearchEntryMode.OUTCOME, context));
		bundle.setTotal(total);
		SearchLinks.addTo(bundle, context.serverBase(), query, total);

		return new SearchResult(bundle, query.problems());
	}

	/** Parses without searching, e.g. to test subscription criteria against a resource. */
	public SearchQuery parse(String resourceType, Map<String, List<String>> queryParameters, SearchContext context)
	{
		SearchableResourceType type = SearchableResourceTypes.get(resourceType)
				.orElseThrow(() -> new IllegalArgumentException(
						"no search for resource type " + resourceType + "; supported: " + supportedResourceTypes()));
		return SearchQuery.parse(type, queryParameters, context.serverTimeZone(), context.defaultPageCount());
	}

	/**
	 * Per match in page order: its {@code _include}s, then its {@code _revinclude}s; each resource once, unreadable
	 * ones left out.
	 */
	private static List<Resource> included(List<Resource> page, SearchQuery query, SearchContext context)
	{
		List<Resource> included = new ArrayList<>();
		for (Resource match : page)
		{
			for (Inclusion inclusion : query.includes())
				included.addAll(inclusion.resourcesFor(match, context.store()));
			for (Inclusion inclusion : query.revIncludes())
				included.addAll(inclusion.resourcesFor(match, context.store()));
		}
		return References.distinct(included).stream().filter(context.readable()).toList();
	}

	private static BundleEntryComponent entry(Resource resource, SearchEntryMode mode, SearchContext context)
	{
		BundleEntryComponent entry = new BundleEntryComponent();
		entry.getSearch().setMode(mode);
		entry.setResource(resource);
		// an OperationOutcome without id gets the base URL with a trailing slash, as in DSF
		entry.setFullUrl(new IdType(context.serverBase(), resource.getIdElement().getResourceType(),
				resource.getIdElement().getIdPart(), null).getValue());
		return entry;
	}

	private static OperationOutcome warning(List<ParameterProblem> problems)
	{
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(IssueSeverity.WARNING).setCode(IssueType.PROCESSING)
				.setDiagnostics(ParameterProblem.describe(problems));
		return outcome;
	}
}
