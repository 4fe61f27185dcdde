package org.dsftestbed.client;

import java.time.Duration;

import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/** A Task did not reach the awaited status (or did not appear) in time; the message says what was seen instead. */
public final class TaskWaitTimeoutException extends RuntimeException
{
	private static final long serialVersionUID = 1L;

	private final transient Task lastSeen;

	TaskWaitTimeoutException(String message)
	{
		super(message);
		this.lastSeen = null;
	}

	TaskWaitTimeoutException(String taskUrl, TaskStatus awaited, Task lastSeen, Duration timeout,
			boolean finalElsewhere)
	{
		super(taskUrl + " is " + lastSeen.getStatus().toCode() + (finalElsewhere ? " (final)" : "")
				+ ", not " + awaited.toCode()
				+ (finalElsewhere ? "" : " after " + timeout.toMillis() + " ms")
				+ errorsOf(lastSeen));
		this.lastSeen = lastSeen;
	}

	private static String errorsOf(Task task)
	{
		var errors = OrgClient.errors(task);
		return errors.isEmpty() ? "" : "; error output: " + String.join(" | ", errors);
	}

	/** The Task as last read, or {@code null} when none was found. */
	public Task lastSeen()
	{
		return lastSeen;
	}
}
