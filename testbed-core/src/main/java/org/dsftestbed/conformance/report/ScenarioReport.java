package org.dsftestbed.conformance.report;

import java.util.List;
import java.util.Objects;

/**
 * One scenario of a run.
 *
 * @param feature
 *            the feature's name (what TestReports are grouped by)
 * @param name
 *            the scenario's name
 * @param status
 *            its result
 * @param organizations
 *            the organizations that took part (sent or answered a request), in the network's order
 * @param messages
 *            the requests between organizations, in the order they started: the sequence diagram's arrows
 * @param taskStateChanges
 *            every Task created or moved to another status, on any organization's server
 * @param taskOutcomes
 *            the last state of every Task written during the scenario
 * @param steps
 *            the scenario's steps with their results
 * @param failures
 *            what failed, with the error output
 * @param timings
 *            wall and simulated time, request counts
 */
public record ScenarioReport(String feature, String name, ScenarioStatus status, List<Organization> organizations,
		List<Message> messages, List<TaskChange> taskStateChanges, List<TaskOutcome> taskOutcomes, List<Step> steps,
		List<Failure> failures, Timings timings)
{
	public ScenarioReport
	{
		Objects.requireNonNull(feature, "feature");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(timings, "timings");
		organizations = copy(organizations);
		messages = copy(messages);
		taskStateChanges = copy(taskStateChanges);
		taskOutcomes = copy(taskOutcomes);
		steps = copy(steps);
		failures = copy(failures);
	}

	private static <T> List<T> copy(List<T> list)
	{
		return list == null ? List.of() : List.copyOf(list);
	}
}
