package org.dsftestbed.bpe.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;

import dev.dsf.fhir.client.FhirWebserviceClient;

/** Search helpers shared by the providers: parameters, paging with {@code _page=n&_sort=_id}, entry selection. */
final class Searches
{
	private Searches()
	{
	}

	static Map<String, List<String>> params(String... nameValuePairs)
	{
		Map<String, List<String>> params = new LinkedHashMap<>();
		for (int i = 0; i < nameValuePairs.length; i += 2)
			params.computeIfAbsent(nameValuePairs[i], k -> new ArrayList<>()).add(nameValuePairs[i + 1]);
		return params;
	}

	static String token(Identifier identifier)
	{
		return identifier.getSystem() + "|" + identifier.getValue();
	}

	static String token(Coding coding)
	{
		return coding.getSystem() + "|" + coding.getCode();
	}

	static boolean valid(Identifier identifier)
	{
		return identifier != null && identifier.hasSystem() && identifier.hasValue();
	}

	static boolean valid(Coding coding)
	{
		return coding != null && coding.hasSystem() && coding.hasCode();
	}

	/** All pages of a search, asked for one after the other until a page has no {@code next} link. */
	static List<Bundle> allPages(FhirWebserviceClient client, Class<? extends Resource> type,
			Map<String, List<String>> params)
	{
		List<Bundle> pages = new ArrayList<>();
		int page = 1;
		while (true)
		{
			Map<String, List<String>> paged = new LinkedHashMap<>(params);
			paged.put("_page", List.of(String.valueOf(page)));
			paged.put("_sort", List.of("_id"));
			Bundle bundle = client.search(type, paged);
			pages.add(bundle);
			if (bundle.getLink(Bundle.LINK_NEXT) == null || bundle.getEntry().isEmpty())
				return pages;
			page++;
		}
	}

	static <R extends Resource> List<R> entries(Bundle bundle, Class<R> type, SearchEntryMode mode)
	{
		List<R> found = new ArrayList<>();
		for (BundleEntryComponent entry : bundle.getEntry())
			if (entry.hasSearch() && entry.getSearch().getMode() == mode && type.isInstance(entry.getResource()))
				found.add(type.cast(entry.getResource()));
		return found;
	}
}
