package org.dsftestbed.bpe.plugin;

import java.util.Collection;
import java.util.Optional;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.dsftestbed.bpe.plugin.BpmnFiles.BpmnFile;

/**
 * DSF 1.9.0's checks of a parsed process model: Camunda's model validation, exactly one process, its
 * {@code camunda:versionTag} equal to the resource version, its id of the form {@value ProcessUrl#PROCESS_ID_FORM}.
 * A model that fails is left out.
 */
final class BpmnModelCheck
{
	/** A model that passed: its single process and that process's id and version. */
	record ValidModel(String file, BpmnModelInstance model, Process process)
	{
		ProcessIdAndVersion id()
		{
			return new ProcessIdAndVersion(process.getId(), process.getCamundaVersionTag());
		}
	}

	private BpmnModelCheck()
	{
	}

	static Optional<ValidModel> check(BpmnFile bpmn, String resourceVersion, Findings findings)
	{
		String file = bpmn.file();
		try
		{
			Bpmn.validateModel(bpmn.model());
		}
		catch (RuntimeException e)
		{
			findings.add(Rule.BPMN_VALID, file, "not a valid BPMN model: " + e.getMessage());
			return Optional.empty();
		}

		Collection<Process> processes = bpmn.model().getModelElementsByType(Process.class);
		if (processes.size() != 1)
		{
			findings.add(Rule.BPMN_SINGLE_PROCESS, file, "contains " + processes.size() + " processes, expected 1");
			return Optional.empty();
		}
		Process process = processes.iterator().next();

		int mark = findings.size();
		String versionTag = process.getCamundaVersionTag();
		if (versionTag == null)
			findings.add(Rule.BPMN_VERSION_TAG, file, "process " + process.getId()
					+ " has no camunda:versionTag, expected resource version '" + resourceVersion + "'");
		else if (!versionTag.equals(resourceVersion))
			findings.add(Rule.BPMN_VERSION_TAG, file,
					"versionTag '" + versionTag + "' does not equal resource version '" + resourceVersion + "'");
		if (!ProcessUrl.isValidProcessId(process.getId()))
			findings.add(Rule.BPMN_PROCESS_ID, file,
					"process id '" + process.getId() + "' does not match " + ProcessUrl.PROCESS_ID_FORM);

		return findings.addedSince(mark) ? Optional.empty() : Optional.of(new ValidModel(file, bpmn.model(), process));
	}
}
