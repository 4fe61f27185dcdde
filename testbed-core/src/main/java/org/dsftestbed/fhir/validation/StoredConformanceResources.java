package org.dsftestbed.fhir.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;

/**
 * The StructureDefinitions, CodeSystems and ValueSets currently stored in a server, found by canonical URL or
 * {@code url|version} (DSF validates against what its database holds, including plugins' profiles).
 */
final class StoredConformanceResources implements IValidationSupport
{
	private final FhirContext context;
	private final ResourceStore store;

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
		return find("StructureDefinition", url).orElse(null);
	}

	@Override
	public IBaseResource fetchCodeSystem(String system)
	{
		return find("CodeSystem", system).orElse(null);
	}

	@Override
	public IBaseResource fetchValueSet(String url)
	{
		return find("ValueSet", url).orElse(null);
	}

	@Override
	public boolean isCodeSystemSupported(ValidationSupportContext supportContext, String system)
	{
		return find("CodeSystem", system).isPresent();
	}

	@Override
	public boolean isValueSetSupported(ValidationSupportContext supportContext, String url)
	{
		return find("ValueSet", url).isPresent();
	}

	@SuppressWarnings("unchecked")
	@Override
	public <T extends IBaseResource> List<T> fetchAllStructureDefinitions()
	{
		return (List<T>) new ArrayList<IBaseResource>(store.current("StructureDefinition", r -> true));
	}

	@Override
	public List<IBaseResource> fetchAllConformanceResources()
	{
		List<IBaseResource> all = new ArrayList<>();
		for (String type : List.of("StructureDefinition", "CodeSystem", "ValueSet"))
			all.addAll(store.current(type, r -> true));
		return all;
	}

	/** By {@code url}, or {@code url|version}; the latest version wins when only the url is given. */
	private Optional<Resource> find(String type, String canonical)
	{
		if (canonical == null)
			return Optional.empty();
		int bar = canonical.indexOf('|');
		String url = bar < 0 ? canonical : canonical.substring(0, bar);
		String version = bar < 0 ? null : canonical.substring(bar + 1);
		return store.current(type, r -> r instanceof MetadataResource m && url.equals(m.getUrl())
				&& (version == null || version.equals(m.getVersion()))).stream()
				.max(java.util.Comparator.comparing(r -> ((MetadataResource) r).getVersion(),
						java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
	}
}
