package org.dsftestbed.fhir.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;

/**
 * The StructureDefinitions, CodeSystems and ValueSets currently stored in a server, found by canonical URL or
 * {@code url|version} (DSF validates against what its database holds, including plugins' profiles). Indexed per
 * type and rebuilt only when resources of that type were written, since the validator asks many times per
 * resource.
 */
final class StoredConformanceResources implements IValidationSupport
{
	private record Index(long writeCount, Map<String, Resource> byCanonical, List<Resource> all)
	{
	}

	private final FhirContext context;
	private final ResourceStore store;
	private final Map<String, Index> indexes = new java.util.concurrent.ConcurrentHashMap<>();

	StoredConformanceResources(FhirContext context, ResourceStore store)
	{
		this.context = context;
		this.store = store;
	}

	@Override
	public FhirContext getFhirContext()
	{
		return context;
	}

	@Override
	public IBaseResource fetchStructureDefinition(String url)
	{
		return find("StructureDefinition", url);
	}

	@Override
	public IBaseResource fetchCodeSystem(String system)
	{
		return find("CodeSystem", system);
	}

	@Override
	public IBaseResource fetchValueSet(String url)
	{
		return find("ValueSet", url);
	}

	@Override
	public boolean isCodeSystemSupported(ValidationSupportContext supportContext, String system)
	{
		return find("CodeSystem", system) != null;
	}

	@Override
	public boolean isValueSetSupported(ValidationSupportContext supportContext, String url)
	{
		return find("ValueSet", url) != null;
	}

	@SuppressWarnings("unchecked")
	@Override
	public <T extends IBaseResource> List<T> fetchAllStructureDefinitions()
	{
		return (List<T>) new ArrayList<IBaseResource>(index("StructureDefinition").all());
	}

	@Override
	public List<IBaseResource> fetchAllConformanceResources()
	{
		List<IBaseResource> all = new ArrayList<>();
		for (String type : List.of("StructureDefinition", "CodeSystem", "ValueSet"))
			all.addAll(index(type).all());
		return all;
	}

	private Resource find(String type, String canonical)
	{
		return canonical == null ? null : index(type).byCanonical().get(canonical);
	}

	private Index index(String type)
	{
		long writeCount = store.writeCount(type);
		Index index = indexes.get(type);
		if (index != null && index.writeCount() == writeCount)
			return index;
		Map<String, Resource> byCanonical = new HashMap<>();
		List<Resource> all = store.current(type, r -> r instanceof MetadataResource m && m.hasUrl());
		// by url alone the highest version wins; by url|version the exact one
		all.sort(java.util.Comparator.comparing(r -> ((MetadataResource) r).getVersion(),
				java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
		for (Resource resource : all)
		{
			MetadataResource metadata = (MetadataResource) resource;
			byCanonical.put(metadata.getUrl(), resource);
			if (metadata.hasVersion())
				byCanonical.put(metadata.getUrl() + "|" + metadata.getVersion(), resource);
		}
		Index fresh = new Index(writeCount, byCanonical, List.copyOf(all));
		indexes.put(type, fresh);
		return fresh;
	}
}
