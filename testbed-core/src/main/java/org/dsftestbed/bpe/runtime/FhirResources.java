package org.dsftestbed.bpe.runtime;

import java.util.List;

import org.hl7.fhir.r4.model.Resource;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A list of FHIR resources as one process variable, like DSF's {@code FhirResourcesList}: JSON
 * {@code {"resources":[<FHIR JSON>, ..]}}. {@code Variables.setResourceList} stores one, {@code getResourceList} and
 * the Task lists of the BPE read it.
 */
public final class FhirResources
{
	private final List<Resource> resources;

	@JsonCreator
	public FhirResources(@JsonProperty("resources") List<? extends Resource> resources)
	{
		this.resources = resources == null ? List.of() : List.copyOf(resources);
	}

	@JsonProperty("resources")
	public List<Resource> getResources()
	{
		return resources;
	}

	/** The resources, as the type the caller expects (unchecked, as DSF's {@code getResourcesAndCast}). */
	@SuppressWarnings("unchecked")
	public <R extends Resource> List<R> resourcesAs()
	{
		return (List<R>) resources;
	}

	@Override
	public String toString()
	{
		return "FhirResources" + resources.stream().map(r -> r.getIdElement().toUnqualified().getValue()).toList();
	}
}
