package org.dsftestbed.bpe.fhir;

import java.util.List;
import java.util.Objects;

import org.dsftestbed.bpe.plugin.ProcessIdAndVersion;
import org.hl7.fhir.r4.model.Resource;

/**
 * One process's FHIR resources with its deployment state change, the input of {@link FhirResourceDeployment}.
 *
 * @param oldState
 *            the state the BPE last recorded ({@link ProcessState#NEW} if never deployed)
 * @param newState
 *            ACTIVE, DRAFT, RETIRED or EXCLUDED
 */
public record ProcessResources(ProcessIdAndVersion process, ProcessState oldState, ProcessState newState,
		List<Resource> resources)
{
	public ProcessResources
	{
		Objects.requireNonNull(process, "process");
		Objects.requireNonNull(oldState, "oldState");
		Objects.requireNonNull(newState, "newState");
		resources = List.copyOf(resources);
	}
}
