package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.CanonicalUrlParameter;
import org.dsftestbed.fhir.search.parameter.basic.SqlTruth;
import org.hl7.fhir.r4.model.MetadataResource;

/**
 * {@code url} of conformance resources, also as {@code url|version} (the BPE's {@code Questionnaire?url=<url|version>});
 * {@code :below} takes the URL as prefix.
 */
public final class ConformanceUrl<R extends MetadataResource> extends CanonicalUrlParameter<R>
{
	public ConformanceUrl(Class<R> type)
	{
		super(type, "url");
	}

	@Override
	protected boolean test(R resource, CanonicalValue value)
	{
		SqlTruth url = value.testUrl(resource.hasUrl() ? resource.getUrl() : null);
		if (value.version() == null)
			return url.selects();
		return url.and(SqlTruth.equal(resource.hasVersion() ? resource.getVersion() : null, value.version()))
				.selects();
	}

	@Override
	protected Comparable<?> sortValueOf(R resource)
	{
		return resource.hasUrl() ? resource.getUrl() : null;
	}
}
