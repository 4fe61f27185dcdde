package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.DateTimeElementParameter;
import org.hl7.fhir.r4.model.MetadataResource;

/** {@code date} of conformance resources (publication date). */
public final class ConformanceDate<R extends MetadataResource> extends DateTimeElementParameter<R>
{
	public ConformanceDate(Class<R> type)
	{
		super(type, "date", r -> r.hasDateElement() ? r.getDateElement() : null);
	}
}
