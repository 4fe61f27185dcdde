package org.dsftestbed.fhir.search;

import java.util.List;
import java.util.Map;

/**
 * {@code _page} and {@code _count} as DSF reads them: the first value of each, unparsable values replaced by the
 * defaults (page 1, the server's page count), negative values by 0. A page past the last one, page 0, and count 0 are
 * "count only": total without entries.
 */
public record Paging(int page, int count)
{
	public static Paging from(Map<String, List<String>> queryParameters, int defaultCount)
	{
		Integer page = firstInt(queryParameters, SearchQuery.PAGE);
		Integer count = firstInt(queryParameters, SearchQuery.COUNT);

		int effectivePage = page == null ? 1 : Math.max(page, 0);
		int effectiveCount = count == null ? defaultCount : Math.max(count, 0);

		// Bundle.total is an int, so no page may reach beyond Integer.MAX_VALUE
		if ((long) effectivePage * effectiveCount > Integer.MAX_VALUE)
			return new Paging(1, defaultCount);
		return new Paging(effectivePage, effectiveCount);
	}

	private static Integer firstInt(Map<String, List<String>> queryParameters, String name)
	{
		List<String> values = queryParameters.getOrDefault(name, List.of());
		if (values.isEmpty())
			return null;
		try
		{
			return Integer.valueOf(values.get(0));
		}
		catch (NumberFormatException e)
		{
			return null;
		}
	}

	public boolean countOnly(int total)
	{
		return page < 1 || count < 1 || page > lastPage(total);
	}

	public int lastPage(int total)
	{
		return count < 1 ? 0 : (int) Math.ceil((double) total / count);
	}

	public boolean isLastPage(int total)
	{
		return page >= lastPage(total);
	}

	public int offset()
	{
		return (page - 1) * count;
	}
}
