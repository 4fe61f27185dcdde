package org.dsftestbed.fhir.search.parameter;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.dsftestbed.fhir.search.parameter.basic.DateParameter;
import org.hl7.fhir.r4.model.Resource;

/**
 * {@code _lastUpdated}, every type. DSF writes {@code meta.lastUpdated} with the server's offset and compares its
 * wall-clock part, so the comparison happens in the server's time zone on both sides.
 */
public final class ResourceLastUpdated<R extends Resource> extends DateParameter<R>
{
	public ResourceLastUpdated(Class<R> type)
	{
		super(type, "_lastUpdated");
	}

	@Override
	protected LocalDateTime timestampOf(R resource, ZoneId serverTimeZone)
	{
		if (!resource.hasMeta() || !resource.getMeta().hasLastUpdated())
			return null;
		return LocalDateTime.ofInstant(resource.getMeta().getLastUpdated().toInstant(), serverTimeZone);
	}

	@Override
	protected Comparable<?> sortValueOf(R resource)
	{
		return resource.hasMeta() && resource.getMeta().hasLastUpdated()
				? resource.getMeta().getLastUpdated().toInstant()
				: null;
	}
}
