package org.dsftestbed.conformance.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.dsftestbed.conformance.record.RecordedRequest;
import org.dsftestbed.conformance.record.RecordedTask;
import org.dsftestbed.conformance.record.Recording;
import org.dsftestbed.conformance.record.TaskStateChange;
import org.dsftestbed.fhir.server.RequestRecord;
import org.dsftestbed.fhir.server.TaskSnapshot;

/**
 * Turns a scenario's {@link Recording} and its Cucumber result into a {@link ScenarioReport}.
 *
 * <pre>{@code
 * ScenarioReport report = ScenarioReports.of("Ping", "ping two organizations", ScenarioStatus.PASSED,
 * 		network.organizations(), recorder.endScenario(mark), steps, List.of());
 * }</pre>
 */
public final class ScenarioReports
{
	private ScenarioReports()
	{
	}

	/**
	 * @param network
	 *            the network's organizations with their base URLs, in the order lifelines are drawn
	 */
	public static ScenarioReport of(String feature, String name, ScenarioStatus status, List<Organization> network,
			Recording recording, List<Step> steps, List<Failure> failures)
	{
		List<Message> messages = recording.crossOrganizationRequests().stream().map(ScenarioReports::message).toList();
		List<TaskChange> changes = recording.taskStateChanges().stream().map(ScenarioReports::change).toList();
		List<TaskOutcome> outcomes = recording.tasks().stream().map(ScenarioReports::outcome).toList();
		Duration slowest = messages.stream().map(Message::duration).filter(java.util.Objects::nonNull).max(Duration::compareTo).orElse(Duration.ZERO);
		Timings timings = new Timings(recording.started(), recording.ended(), recording.duration(),
				recording.networkStarted(), recording.networkEnded(), recording.networkDuration(),
				recording.requests().size(), messages.size(), slowest);
		return new ScenarioReport(feature, name, status, participants(network, recording), messages, changes,
				outcomes, steps, failures, timings);
	}

	/** The network's organizations seen in the recording, then callers outside the network; all of them if none. */
	private static List<Organization> participants(List<Organization> network, Recording recording)
	{
		Set<String> seen = new LinkedHashSet<>();
		for (RecordedRequest request : recording.requests())
		{
			seen.add(request.request().server());
			seen.add(caller(request.request()));
		}
		if (seen.isEmpty())
			return network;
		List<Organization> participants = new ArrayList<>();
		for (Organization organization : network)
			if (seen.remove(organization.identifier()))
				participants.add(organization);
		seen.forEach(outsider -> participants.add(new Organization(outsider, null)));
		return participants;
	}

	private static String caller(RequestRecord record)
	{
		return record.caller() == null ? Organization.UNKNOWN : record.caller();
	}

	private static Message message(RecordedRequest recorded)
	{
		RequestRecord r = recorded.request();
		return new Message(r.time(), recorded.networkTime(), caller(r), r.server(), r.method(), r.path(), r.status(),
				r.resourceType(), r.messageName(), r.businessKey(), r.correlationKey(), r.duration());
	}

	private static TaskChange change(TaskStateChange change)
	{
		TaskSnapshot task = change.task();
		return new TaskChange(change.time(), change.networkTime(), change.server(),
				change.caller() == null ? Organization.UNKNOWN : change.caller(), task.id(), task.version(),
				change.previousStatus(), task.status(), task.messageName(), task.businessKey(), task.errors());
	}

	private static TaskOutcome outcome(RecordedTask recorded)
	{
		TaskSnapshot task = recorded.latest();
		List<TaskOutcome.Output> outputs = task.outputs().stream()
				.map(o -> new TaskOutcome.Output(o.system(), o.code(), o.value())).toList();
		return new TaskOutcome(recorded.server(), task.id(), task.version(), task.status(),
				task.instantiatesCanonical(), task.messageName(), task.businessKey(), outputs, task.errors());
	}
}
