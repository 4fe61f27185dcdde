package org.dsftestbed.conformance.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Task created with a status, or updated to another one.
 *
 * @param organization
 *            whose server stores the Task
 * @param writer
 *            who wrote it: the organization itself (its BPE or a local user) or a remote one
 * @param previousStatus
 *            {@code null} when the Task was created
 * @param errors
 *            the Task's {@code bpmn-message#error} outputs
 */
public record TaskChange(Instant time, Instant networkTime, String organization, String writer, String taskId,
		String version, String previousStatus, String status, String messageName, String businessKey,
		List<String> errors)
{
	public TaskChange
	{
		Objects.requireNonNull(organization, "organization");
		Objects.requireNonNull(taskId, "taskId");
		errors = errors == null ? List.of() : List.copyOf(errors);
	}
}
