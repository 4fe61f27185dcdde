package org.dsftestbed.conformance.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Times of a scenario.
 *
 * @param started
 *            wall time at the start
 * @param finished
 *            wall time at the end
 * @param duration
 *            wall time taken; JSON field {@code durationMillis}
 * @param networkStarted
 *            the network's simulated time at the start
 * @param networkFinished
 *            simulated time at the end
 * @param networkDuration
 *            how far simulated time moved (more than {@code duration} when the scenario advanced the clock); JSON
 *            field {@code networkDurationMillis}
 * @param requests
 *            requests the organizations' servers answered, local ones included
 * @param messages
 *            of them, requests between organizations
 * @param slowestMessage
 *            the longest time a server took to answer a message, zero without messages; JSON field
 *            {@code slowestMessageMillis}
 */
public record Timings(Instant started, Instant finished, @JsonProperty("durationMillis") Duration duration,
		Instant networkStarted, Instant networkFinished,
		@JsonProperty("networkDurationMillis") Duration networkDuration, int requests, int messages,
		@JsonProperty("slowestMessageMillis") Duration slowestMessage)
{
	public Timings
	{
		Objects.requireNonNull(started, "started");
		Objects.requireNonNull(finished, "finished");
	}
}
