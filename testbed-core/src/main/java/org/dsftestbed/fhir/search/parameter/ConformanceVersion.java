package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.CodeParameter;
import org.hl7.fhir.r4.model.MetadataResource;

/** {@code version} of conformance resources: a plain version string; {@code system|code} forms are refused. */
public final class ConformanceVersion<R extends MetadataResource> extends CodeParameter<R>
{
	public ConformanceVersion(Class<R> type)
	{
		super(type, "version", r -> r.hasVersion() ? r.getVersion() : null, null, OtherForms.REFUSE);
	}
}
