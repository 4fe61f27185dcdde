package org.dsftestbed.conformance.report;

import java.util.List;
import java.util.Objects;

/**
 * The last state of one Task in a scenario.
 *
 * @param organization
 *            whose server stores the Task
 * @param status
 *            its final status, e.g. {@code completed} or {@code failed}
 * @param process
 *            the Task's {@code instantiatesCanonical}
 * @param outputs
 *            all outputs, errors included
 * @param errors
 *            the {@code bpmn-message#error} outputs: why the BPE failed it
 */
public record TaskOutcome(String organization, String taskId, String version, String status, String process,
		String messageName, String businessKey, List<Output> outputs, List<String> errors)
{
	/** One Task output: its type coding and its value as text. */
	public record Output(String system, String code, String value)
	{
	}

	public TaskOutcome
	{
		Objects.requireNonNull(organization, "organization");
		Objects.requireNonNull(taskId, "taskId");
		outputs = outputs == null ? List.of() : List.copyOf(outputs);
		errors = errors == null ? List.of() : List.copyOf(errors);
	}
}
