package org.dsftestbed.fhir.search;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.dsftestbed.fhir.search.parameter.basic.Criterion;
import org.dsftestbed.fhir.search.parameter.basic.Inclusion;
import org.dsftestbed.fhir.search.parameter.basic.SearchParameter;
import org.dsftestbed.fhir.search.parameter.basic.StoreOrder;
import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.r4.model.Resource;

/**
 * A parsed search request: criteria (repeated parameters combine with AND; a comma is no OR in DSF 1.9.0, the whole
 * value goes to the parameter), sort order, includes, paging, and the problems found while parsing.
 * <p>
 * Example: {@code SearchQuery.parse(SearchableResourceTypes.get("Task").get(), Map.of("status", List.of("requested")),
 * ZoneId.systemDefault()).matches(task, store)}.
 */
public final class SearchQuery
{
	public static final String SORT = "_sort";
	public static final String INCLUDE = "_include";
	public static final String REVINCLUDE = "_revinclude";
	public static final String PAGE = "_page";
	public static final String COUNT = "_count";
	public static final String FORMAT = "_format";
	public static final String PRETTY = "_pretty";
	public static final String SUMMARY = "_summary";

	/** Not filters; handled by the search itself or by the HTTP layer. */
	private static final Set<String> CONTROL_PARAMETERS = Set.of(SORT, INCLUDE, REVINCLUDE, PAGE, COUNT, FORMAT,
			PRETTY, SUMMARY);
	private static final List<String> SINGLE_VALUE_PARAMETERS = List.of(SORT, PAGE, COUNT, FORMAT, PRETTY, SUMMARY);
	private static final Set<String> SUMMARY_MODES = Set.of("true", "text", "data", "count", "false");

	private final SearchableResourceType type;
	private final List<Criterion> criteria = new ArrayList<>();
	private final List<SortKey> sortKeys = new ArrayList<>();
	private final Map<String, Inclusion> includes = new LinkedHashMap<>();
	private final Map<String, Inclusion> revIncludes = new LinkedHashMap<>();
	private final List<ParameterProblem> problems = new ArrayList<>();
	private final Paging paging;
	private final String format;
	private final String pretty;
	private final String summary;

	private SearchQuery(SearchableResourceType type, Map<String, List<String>> queryParameters, ZoneId serverTimeZone,
			int defaultPageCount)
	{
		this.type = type;
		this.paging = Paging.from(queryParameters, defaultPageCount);
		this.format = first(queryParameters, FORMAT);
		this.pretty = first(queryParameters, PRETTY);
		String summaryValue = first(queryParameters, SUMMARY);
		this.summary = summaryValue != null && SUMMARY_MODES.contains(summaryValue.toLowerCase(Locale.ROOT))
				? summaryValue.toLowerCase(Locale.ROOT)
				: null;

		// same order of problems as DSF: single-value controls, filters, includes, revincludes, sort
		checkSingleValues(queryParameters);
		parseCriteria(queryParameters, serverTimeZone);
		parseInclusions(queryParameters.getOrDefault(INCLUDE, List.of()), INCLUDE, type::include, includes);
		parseInclusions(queryParameters.getOrDefault(REVINCLUDE, List.of()), REVINCLUDE, type::revInclude,
				revIncludes);
		parseSort(queryParameters.getOrDefault(SORT, List.of()));
	}

	/**
	 * @param queryParameters
	 *            URL-decoded; iteration order is kept (use a {@link LinkedHashMap} in request order)
	 * @param serverTimeZone
	 *            for date values without offset
	 */
	public static SearchQuery parse(SearchableResourceType type, Map<String, List<String>> queryParameters,
			ZoneId serverTimeZone, int defaultPageCount)
	{
		return new SearchQuery(type, queryParameters, serverTimeZone, defaultPageCount);
	}

	private static String first(Map<String, List<String>> queryParameters, String name)
	{
		List<String> values = queryParameters.getOrDefault(name, List.of());
		return values.isEmpty() ? null : values.get(0);
	}

	private void checkSingleValues(Map<String, List<String>> queryParameters)
	{
		for (String name : SINGLE_VALUE_PARAMETERS)
			if (queryParameters.getOrDefault(name, List.of()).size() > 1)
				problems.add(ParameterProblem.tooManyValues(name, null, null));
	}

	private void parseCriteria(Map<String, List<String>> queryParameters, ZoneId serverTimeZone)
	{
		queryParameters.forEach((name, values) ->
		{
			if (CONTROL_PARAMETERS.contains(name))
				return;

			Optional<SearchParameter> parameter = type.parameter(name);
			if (parameter.isEmpty())
			{
				problems.add(ParameterProblem.unsupportedParameter(name));
				return;
			}
			values.stream().filter(v -> v != null && !v.isBlank()).forEach(v -> parameter.get()
					.parse(name, v, serverTimeZone, problems).ifPresent(criteria::add));
		});
	}

	private void parseInclusions(List<String> values, String parameterName,
			java.util.function.Function<String, Optional<Inclusion>> lookup, Map<String, Inclusion> target)
	{
		for (String value : values)
		{
			if (value == null || value.isBlank())
				continue;

			Optional<Inclusion> inclusion = lookup.apply(value);
			if (inclusion.isEmpty())
				problems.add(ParameterProblem.unparsableValue(parameterName, value,
						"not supported for " + type.name() + " searches"));
			else if (target.containsKey(value))
				problems.add(ParameterProblem.tooManyValues(parameterName, value, "given twice"));
			else
				target.put(value, inclusion.get());
		}
	}

	private void parseSort(List<String> values)
	{
		if (values.isEmpty() || values.get(0) == null || values.get(0).isBlank())
			return;

		Set<String> sorted = new LinkedHashSet<>();
		for (String value : values.get(0).split(","))
		{
			if (value.isBlank())
				continue;

			boolean descending = value.startsWith("-");
			String name = value.startsWith("-") || value.startsWith("+") ? value.substring(1) : value;
			Optional<SearchParameter> parameter = type.sortParameter(name);
			if (parameter.isEmpty())
				problems.add(ParameterProblem.unparsableValue(SORT, value, "no such parameter to sort by"));
			else if (!sorted.add(name))
				problems.add(ParameterProblem.tooManyValues(SORT, value, "sorted by twice"));
			else
				sortKeys.add(new SortKey(parameter.get(), descending));
		}
	}

	public SearchableResourceType type()
	{
		return type;
	}

	public List<ParameterProblem> problems()
	{
		return List.copyOf(problems);
	}

	/** Whether all criteria select the resource (read access is not part of the query). */
	public boolean matches(Resource resource, ResourceStore store)
	{
		return criteria.stream().allMatch(c -> c.matches(resource, store));
	}

	/** The {@code _sort} keys in order, then the store's write order to keep pages stable. */
	public Comparator<Resource> order()
	{
		return sortKeys.stream().map(SortKey::comparator).reduce(Comparator::thenComparing)
				.map(c -> c.thenComparing(StoreOrder.OLDEST_WRITE_FIRST)).orElse(StoreOrder.OLDEST_WRITE_FIRST);
	}

	public Paging paging()
	{
		return paging;
	}

	public List<Inclusion> includes()
	{
		return List.copyOf(includes.values());
	}

	public List<Inclusion> revIncludes()
	{
		return List.copyOf(revIncludes.values());
	}

	/** {@code _summary=count}: total and links, no entries. */
	public boolean summaryCountOnly()
	{
		return "count".equals(summary);
	}

	/** {@code _format} as requested, echoed in links; null if absent. */
	public String format()
	{
		return format;
	}

	/** {@code _pretty} as requested, echoed in links; null if absent. */
	public String pretty()
	{
		return pretty;
	}

	/** {@code _summary} if it names a summary mode (lower case), echoed in links; else null. */
	public String summary()
	{
		return summary;
	}

	/**
	 * The query's own parameters as DSF echoes them in links, before paging: criteria by name in alphabetical order
	 * (values normalised, unusable ones dropped), then {@code _sort}, {@code _include}, {@code _revinclude}.
	 */
	public Map<String, List<String>> linkParameters()
	{
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		Map<String, List<String>> criteriaByName = new TreeMap<>();
		criteria.forEach(c -> criteriaByName.computeIfAbsent(c.linkName(), n -> new ArrayList<>()).add(c.linkValue()));
		parameters.putAll(criteriaByName);

		if (!sortKeys.isEmpty())
			parameters.put(SORT, List.of(String.join(",", sortKeys.stream().map(SortKey::linkValue).toList())));
		if (!includes.isEmpty())
			parameters.put(INCLUDE, List.copyOf(includes.keySet()));
		if (!revIncludes.isEmpty())
			parameters.put(REVINCLUDE, List.copyOf(revIncludes.keySet()));
		return parameters;
	}
}
