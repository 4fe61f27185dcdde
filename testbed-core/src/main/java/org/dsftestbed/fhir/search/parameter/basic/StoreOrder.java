package org.dsftestbed.fhir.search.parameter.basic;

import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.hl7.fhir.r4.model.Resource;

/**
 * The order of resources when nothing else orders them. DSF's SQL then returns rows in PostgreSQL's table order, where
 * every write appends a row: effectively oldest {@code meta.lastUpdated} first. The id breaks ties so that paging
 * stays stable.
 */
public final class StoreOrder
{
	public static final Comparator<Resource> OLDEST_WRITE_FIRST = Comparator
			.comparing(StoreOrder::lastUpdated, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(r -> r.getIdElement().getIdPart(), Comparator.nullsLast(Comparator.naturalOrder()));

	private StoreOrder()
	{
	}

	public static List<Resource> sorted(List<Resource> resources)
	{
		return resources.stream().sorted(OLDEST_WRITE_FIRST).toList();
	}

	private static Date lastUpdated(Resource resource)
	{
		return resource.hasMeta() ? resource.getMeta().getLastUpdated() : null;
	}
}
