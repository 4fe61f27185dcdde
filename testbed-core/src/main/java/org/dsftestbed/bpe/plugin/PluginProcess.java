package org.dsftestbed.bpe.plugin;

import java.util.List;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * One valid process of a plugin: its BPMN model, ready to deploy, and the FHIR resources the BPE uploads for it (among
 * them exactly one ActivityDefinition whose url stands for the process id).
 *
 * @param model
 *            parsed after placeholder replacement, with the DSF additions the engine relies on (see
 *            {@link DsfModelAttributes})
 */
public record PluginProcess(ProcessIdAndVersion id, String bpmnFile, BpmnModelInstance model,
		List<FhirResourceFile> fhirResources)
{
	public PluginProcess
	{
		fhirResources = List.copyOf(fhirResources);
	}
}
