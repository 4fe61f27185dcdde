package org.dsftestbed.bpe.state;

import java.util.Objects;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.dsftestbed.bpe.plugin.ProcessIdAndVersion;

/**
 * A BPMN model a start deploys (DSF's {@code BpmnFileAndModel}).
 *
 * @param resourceName
 *            the Camunda deployment's source and resource name, {@code <plugin jar>/<bpmn file>}
 * @param draft
 *            whether it comes from a draft plugin (then it is deployed as DRAFT and may change under the same version)
 */
public record ProcessModel(ProcessIdAndVersion process, String resourceName, BpmnModelInstance model, boolean draft)
{
	public ProcessModel
	{
		Objects.requireNonNull(process, "process");
		Objects.requireNonNull(resourceName, "resourceName");
		Objects.requireNonNull(model, "model");
	}
}
