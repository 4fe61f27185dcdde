package org.dsftestbed.conformance.record;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a scenario began in a {@link RunRecorder}'s recording; hand it back to
 * {@link RunRecorder#endScenario(ScenarioMark)} or {@link RunRecorder#snapshot(ScenarioMark)}.
 *
 * @param firstSequence
 *            the sequence number the first request reported after the start gets
 */
public record ScenarioMark(String name, long firstSequence, Instant started, Instant networkStarted)
{
	public ScenarioMark
	{
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(started, "started");
		Objects.requireNonNull(networkStarted, "networkStarted");
	}
}
