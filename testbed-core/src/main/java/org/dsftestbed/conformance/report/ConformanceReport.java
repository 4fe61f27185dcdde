package org.dsftestbed.conformance.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The conformance report of one run: what {@code conformance-report.json} holds and {@code conformance-report.html}
 * shows. JSON field names are the component names below and stay stable; times are ISO-8601 instants in UTC
 * ({@code "2025-01-31T12:00:00.123Z"}), durations are whole milliseconds in fields ending in {@code Millis}, enums
 * are lower case; absent values are omitted.
 *
 * @param runId
 *            the run's id, also the name of its directory under {@code reports/}
 * @param network
 *            the network definition's name, e.g. {@code tutorial}
 * @param runtime
 *            which runtime ran the organizations: {@code embedded} or {@code container}
 * @param started
 *            when the run started
 * @param finished
 *            when it finished or was interrupted; {@code null} while it runs
 * @param state
 *            running, finished or interrupted
 * @param scenarios
 *            in the order they ran
 * @param logs
 *            the run's log files (on the container runtime one per container), as paths relative to the report's
 *            directory with {@code /} as separator, e.g. {@code containers/Test_DIC_1.log}
 */
public record ConformanceReport(String runId, String network, String runtime, Instant started, Instant finished,
		RunState state, List<ScenarioReport> scenarios, List<String> logs)
{
	public ConformanceReport
	{
		Objects.requireNonNull(runId, "runId");
		Objects.requireNonNull(started, "started");
		Objects.requireNonNull(state, "state");
		scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
		logs = logs == null ? List.of() : List.copyOf(logs);
	}

	/** A report without log files. */
	public ConformanceReport(String runId, String network, String runtime, Instant started, Instant finished,
			RunState state, List<ScenarioReport> scenarios)
	{
		this(runId, network, runtime, started, finished, state, scenarios, List.of());
	}

	/** The same report naming these log files. */
	public ConformanceReport withLogs(List<String> logs)
	{
		return new ConformanceReport(runId, network, runtime, started, finished, state, scenarios, logs);
	}

	/** Whether every scenario passed or was skipped, and the run was not interrupted. */
	@JsonIgnore
	public boolean passed()
	{
		return state != RunState.INTERRUPTED && scenarios.stream().noneMatch(s -> s.status().isProblem());
	}

	/** From start to finish, or to {@code now} for a run without a finish. */
	public Duration duration(Instant now)
	{
		return Duration.between(started, finished == null ? now : finished);
	}

	public long count(ScenarioStatus status)
	{
		return scenarios.stream().filter(s -> s.status() == status).count();
	}
}
