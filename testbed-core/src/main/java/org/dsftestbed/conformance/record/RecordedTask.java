package org.dsftestbed.conformance.record;

import java.time.Instant;
import java.util.Objects;

import org.dsftestbed.fhir.server.TaskSnapshot;

/**
 * The latest known state of one Task: its outcome, when the recording ends after the process did.
 *
 * @param server
 *            the organization whose server stores the Task
 * @param latest
 *            the Task's highest version the recording saw
 * @param lastWritten
 *            wall time when the request writing that version started
 */
public record RecordedTask(String server, TaskSnapshot latest, Instant lastWritten)
{
	public RecordedTask
	{
		Objects.requireNonNull(server, "server");
		Objects.requireNonNull(latest, "latest");
	}
}
