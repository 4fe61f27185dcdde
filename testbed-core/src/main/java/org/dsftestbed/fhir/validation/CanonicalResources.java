package org.dsftestbed.fhir.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;

/**
 * Conformance resources for the validator, found by plain canonical URL and by {@code url|version}. DSF profiles
 * reference each other with versioned canonicals ({@code .../endpoint|1.0.0}), which HAPI 5.1.0's pre-populated
 * support does not resolve; DSF's server resolves both forms, and so does this.
 */
final class CanonicalResources implements IValidationSupport
{
	private final FhirContext context;
	private final Map<String, StructureDefinition> structureDefinitions = new LinkedHashMap<>();
	private final Map<String, CodeSystem> codeSystems = new LinkedHashMap<>();
	private final Map<String, ValueSet> valueSets = new LinkedHashMap<>();

	CanonicalResources(FhirContext context)
	{
		this.context = context;
	}

	void add(IBaseResource resource)
	{
		if (resource instanceof StructureDefinition structureDefinition)
			put(structureDefinitions, structureDefinition);
		else if (resource instanceof CodeSystem codeSystem)
			put(codeSystems, codeSystem);
		else if (resource instanceof ValueSet valueSet)
			put(valueSets, valueSet);
	}

	private static <T extends MetadataResource> void put(Map<String, T> map, T resource)
	{
		if (resource.getUrl() == null)
			return;
		map.put(resource.getUrl(), resource);
		if (resource.getVersion() != null)
			map.put(resource.getUrl() + "|" + resource.getVersion(), resource);
	}

	@Override
	public FhirContext getFhirContext()
	{
		return context;
	}

	@Override
	public IBaseResource fetchStructureDefinition(String url)
	{
		return structureDefinitions.get(url);
	}

	@Override
	public IBaseResource fetchCodeSystem(String system)
	{
		return codeSystems.get(system);
	}

	@Override
	public IBaseResource fetchValueSet(String url)
	{
		return valueSets.get(url);
	}

	@Override
	public boolean isCodeSystemSupported(ValidationSupportContext supportContext, String system)
	{
		return codeSystems.containsKey(system);
	}

	@Override
	public boolean isValueSetSupported(ValidationSupportContext supportContext, String url)
	{
		return valueSets.containsKey(url);
	}

	@SuppressWarnings("unchecked")
	@Override
	public <T extends IBaseResource> List<T> fetchAllStructureDefinitions()
	{
		return (List<T>) List.copyOf(distinct(structureDefinitions.values()));
	}

	@Override
	public List<IBaseResource> fetchAllConformanceResources()
	{
		List<IBaseResource> all = new ArrayList<>(distinct(structureDefinitions.values()));
		all.addAll(distinct(codeSystems.values()));
		all.addAll(distinct(valueSets.values()));
		return all;
	}

	private static <T> Collection<T> distinct(Collection<T> values)
	{
		return new java.util.LinkedHashSet<>(values);
	}
}
