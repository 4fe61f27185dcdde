package org.dsftestbed.conformance.record;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the recorder kept between two points of a run, usually one scenario: every request the servers reported, the
 * Task state changes they caused, and the latest state of every Task written.
 *
 * @param name
 *            the scenario's name (or what the caller named the segment)
 * @param started
 *            wall time of the start
 * @param ended
 *            wall time of the end, or of the snapshot for a segment still open
 * @param networkStarted
 *            simulated time at the start ({@code started} without a network clock)
 * @param networkEnded
 *            simulated time at the end
 * @param requests
 *            ordered by the time each request started
 * @param taskStateChanges
 *            ordered by the time each writing request started
 * @param tasks
 *            one entry per Task (server and id) written in the segment, in order of first write
 */
public record Recording(String name, Instant started, Instant ended, Instant networkStarted, Instant networkEnded,
		List<RecordedRequest> requests, List<TaskStateChange> taskStateChanges, List<RecordedTask> tasks)
{
	public Recording
	{
		Objects.requireNonNull(started, "started");
		Objects.requireNonNull(ended, "ended");
		requests = List.copyOf(requests);
		taskStateChanges = List.copyOf(taskStateChanges);
		tasks = List.copyOf(tasks);
	}

	/** The requests between organizations: the messages of a sequence diagram. */
	public List<RecordedRequest> crossOrganizationRequests()
	{
		return requests.stream().filter(RecordedRequest::crossOrganization).toList();
	}

	/** Wall time from start to end. */
	public Duration duration()
	{
		return Duration.between(started, ended);
	}

	/** How far simulated time moved, more than {@link #duration()} when a scenario advanced the network clock. */
	public Duration networkDuration()
	{
		return Duration.between(networkStarted, networkEnded);
	}
}
