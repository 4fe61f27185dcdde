package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.CodeParameter;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.MetadataResource;

/** {@code status} of conformance resources: a publication status code ({@code draft}, {@code active}, ...). */
public final class ConformanceStatus<R extends MetadataResource> extends CodeParameter<R>
{
	public ConformanceStatus(Class<R> type)
	{
		super(type, "status", r -> r.hasStatus() ? r.getStatus().toCode() : null, PublicationStatus::fromCode,
				OtherForms.IGNORE);
	}
}
