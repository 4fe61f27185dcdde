package org.dsftestbed.conformance.record;

import java.time.Instant;
import java.util.Objects;

import org.dsftestbed.fhir.server.TaskSnapshot;

/**
 * A Task created with a status, or updated to another status, on one organization's server.
 *
 * @param time
 *            wall time when the writing request started
 * @param networkTime
 *            the same in simulated time
 * @param server
 *            the organization whose server stores the Task
 * @param caller
 *            who wrote it (the server's own organization for its BPE and local users), {@code null} if unknown
 * @param previousStatus
 *            the status of the version before, {@code null} when the Task was created
 * @param task
 *            the Task as this write stored it (id, version, status, message name, business key, outputs)
 */
public record TaskStateChange(long sequence, Instant time, Instant networkTime, String server, String caller,
		String previousStatus, TaskSnapshot task)
{
	public TaskStateChange
	{
		Objects.requireNonNull(server, "server");
		Objects.requireNonNull(task, "task");
	}

	public boolean created()
	{
		return previousStatus == null;
	}
}
