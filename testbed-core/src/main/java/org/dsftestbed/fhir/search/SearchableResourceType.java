package org.dsftestbed.fhir.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dsftestbed.fhir.search.parameter.basic.Inclusion;
import org.dsftestbed.fhir.search.parameter.basic.SearchParameter;

/** One resource type's search: its parameters by requested name, and its {@code _include}/{@code _revinclude} values. */
public final class SearchableResourceType
{
	private final String name;
	private final List<SearchParameter> parameters;
	private final Map<String, SearchParameter> byQueryName = new LinkedHashMap<>();
	private final Map<String, SearchParameter> byName = new LinkedHashMap<>();
	private final Map<String, Inclusion> includes = new LinkedHashMap<>();
	private final Map<String, Inclusion> revIncludes = new LinkedHashMap<>();

	SearchableResourceType(String name, List<SearchParameter> parameters, List<Inclusion> revIncludes)
	{
		this.name = name;
		this.parameters = List.copyOf(parameters);

		for (SearchParameter p : parameters)
		{
			putOnce(byName, p.name(), p);
			putOnce(byQueryName, p.name(), p);
			p.modifiers().forEach(m -> putOnce(byQueryName, p.name() + m, p));
			p.includes().forEach(i -> i.parameterValues().forEach(v -> putOnce(includes, v, i)));
		}
		revIncludes.forEach(i -> i.parameterValues().forEach(v -> putOnce(this.revIncludes, v, i)));
	}

	private static <T> void putOnce(Map<String, T> map, String key, T value)
	{
		if (map.putIfAbsent(key, value) != null)
			throw new IllegalArgumentException("configured twice: " + key);
	}

	public String name()
	{
		return name;
	}

	public List<SearchParameter> parameters()
	{
		return parameters;
	}

	/** By requested name: {@code status}, {@code identifier:not}, ... */
	public Optional<SearchParameter> parameter(String queryParameterName)
	{
		return Optional.ofNullable(byQueryName.get(queryParameterName));
	}

	/** By plain name, as {@code _sort} names parameters. */
	public Optional<SearchParameter> sortParameter(String name)
	{
		return Optional.ofNullable(byName.get(name));
	}

	public Optional<Inclusion> include(String value)
	{
		return Optional.ofNullable(includes.get(value));
	}

	public Optional<Inclusion> revInclude(String value)
	{
		return Optional.ofNullable(revIncludes.get(value));
	}

	public Map<String, Inclusion> includes()
	{
		return Collections.unmodifiableMap(includes);
	}

	public Map<String, Inclusion> revIncludes()
	{
		return Collections.unmodifiableMap(revIncludes);
	}
}
