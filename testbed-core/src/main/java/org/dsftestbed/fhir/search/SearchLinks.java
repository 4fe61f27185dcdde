package org.dsftestbed.fhir.search;

import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.Bundle;

/**
 * The links of a searchset as DSF sets them: {@code self} always; {@code first}, {@code previous} (after page 1),
 * {@code next} (before the last page) and {@code last} only when entries are returned. {@code self} of a count-only
 * result carries {@code _count=0} and no {@code _page}.
 */
final class SearchLinks
{
	private SearchLinks()
	{
	}

	static void addTo(Bundle bundle, String serverBase, SearchQuery query, int total)
	{
		String base = serverBase + "/" + query.type().name();
		LinkQuery link = new LinkQuery();
		for (Map.Entry<String, List<String>> parameter : query.linkParameters().entrySet())
			link.replace(parameter.getKey(), parameter.getValue());

		if (query.format() != null)
			link.replace(SearchQuery.FORMAT, query.format());
		if (query.pretty() != null)
			link.replace(SearchQuery.PRETTY, query.pretty());
		if (query.summary() != null)
			link.replace(SearchQuery.SUMMARY, query.summary());

		Paging paging = query.paging();
		boolean countOnly = paging.countOnly(total);
		if (countOnly)
			link.replace(SearchQuery.COUNT, 0);
		else
			link.replace(SearchQuery.COUNT, paging.count()).replace(SearchQuery.PAGE, paging.page());
		bundle.addLink().setRelation("self").setUrl(link.toUrl(base));

		if (countOnly)
			return;

		addLink(bundle, "first", link, 1, paging, base);
		if (paging.page() > 1)
			addLink(bundle, "previous", link, paging.page() - 1, paging, base);
		if (!paging.isLastPage(total))
			addLink(bundle, "next", link, paging.page() + 1, paging, base);
		addLink(bundle, "last", link, paging.lastPage(total), paging, base);
	}

	private static void addLink(Bundle bundle, String relation, LinkQuery link, int page, Paging paging, String base)
	{
		link.replace(SearchQuery.PAGE, page).replace(SearchQuery.COUNT, paging.count());
		bundle.addLink().setRelation(relation).setUrl(link.toUrl(base));
	}
}
