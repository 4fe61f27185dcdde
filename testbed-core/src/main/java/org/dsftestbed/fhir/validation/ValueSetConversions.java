package org.dsftestbed.fhir.validation;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

import org.hl7.fhir.common.hapi.validation.validator.VersionSpecificWorkerContextWrapper.IVersionTypeConverter;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.model.Resource;
import org.hl7.fhir.r5.model.ValueSet;

/**
 * Converts between R4 and the validator's R5 model like the given converter, but converts each R5 ValueSet instance
 * back to R4 only once. HAPI 5.1's worker context converts the bound ValueSet to R4 for every coded element it
 * validates (about a tenth of a Task's validation), although the R5 instance comes from the context's own cache and
 * is not changed. Keyed by instance (the R5 model does not override {@code equals}); a ValueSet the context drops is
 * dropped here too.
 */
final class ValueSetConversions implements IVersionTypeConverter
{
	private final IVersionTypeConverter converter;
	private final Map<Resource, IBaseResource> r4ValueSets = Collections.synchronizedMap(new WeakHashMap<>());

	ValueSetConversions(IVersionTypeConverter converter)
	{
		this.converter = Objects.requireNonNull(converter, "converter");
	}

	@Override
	public Resource toCanonical(IBaseResource resource)
	{
		return converter.toCanonical(resource);
	}

	@Override
	public IBaseResource fromCanonical(Resource resource)
	{
		if (resource instanceof ValueSet)
			return r4ValueSets.computeIfAbsent(resource, converter::fromCanonical);
		return converter.fromCanonical(resource);
	}
}
