package org.dsftestbed.fhir.search;

import java.util.Comparator;

import org.dsftestbed.fhir.search.parameter.basic.SearchParameter;
import org.hl7.fhir.r4.model.Resource;

/** One entry of {@code _sort}: a parameter and its direction. NULLs sort last ascending and first descending, as in SQL. */
public record SortKey(SearchParameter parameter, boolean descending)
{
	/** How the key is echoed in links: {@code name} or {@code -name}. */
	public String linkValue()
	{
		return (descending ? "-" : "") + parameter.name();
	}

	public Comparator<Resource> comparator()
	{
		Comparator<Resource> ascending = Comparator.comparing(parameter::sortValue,
				Comparator.nullsLast(SortKey::compareValues));
		return descending && !parameter.sortIgnoresDirection() ? ascending.reversed() : ascending;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static int compareValues(Comparable a, Comparable b)
	{
		return a.compareTo(b);
	}
}
