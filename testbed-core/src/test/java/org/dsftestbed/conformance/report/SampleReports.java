package org.dsftestbed.conformance.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reports as a run of two features would produce them, with names that try to break out of HTML. */
final class SampleReports
{
	static final Instant T0 = Instant.parse("2025-01-31T12:00:00Z");
	static final String HOSTILE_ORG = "evil\"<script>alert('org')</script>&co";
	static final String HOSTILE_SCENARIO = "Ping <script>alert(\"x\")</script> & 'pong'";
	static final String PING_FEATURE = "Ping & pong";
	static final String TIMER_FEATURE = "Timers";

	private SampleReports()
	{
	}

	static List<Organization> organizations()
	{
		return List.of(new Organization("dic.dsf.test", "https://localhost:4711/fhir"),
				new Organization("hrp.dsf.test", "https://localhost:4712/fhir"),
				new Organization(HOSTILE_ORG, "https://localhost:4713/fhir?a=1&b=\"2\""));
	}

	static Message message(int second, String from, String to, String method, String path, int status, String name)
	{
		return new Message(T0.plusSeconds(second), T0.plusSeconds(second).plus(Duration.ofHours(1)), from, to, method,
				path, status, "Task", name, name == null ? null : "bk-1", null, Duration.ofMillis(40 + second));
	}

	/** Passed: ping to hrp, pong back to dic, a refused request from the hostile organization. */
	static ScenarioReport passed()
	{
		List<Message> messages = List.of(message(1, "dic.dsf.test", "hrp.dsf.test", "POST", "Task", 201, "ping"),
				message(2, "hrp.dsf.test", "dic.dsf.test", "POST", "Task", 201, "pong"),
				message(3, HOSTILE_ORG, "dic.dsf.test", "GET", "Bundle/<b>", 403, null));
		List<TaskChange> changes = List.of(
				new TaskChange(T0.plusSeconds(1), T0.plusSeconds(1), "hrp.dsf.test", "dic.dsf.test", "t1", "1", null,
						"requested", "ping", "bk-1", List.of()),
				new TaskChange(T0.plusSeconds(2), T0.plusSeconds(2), "hrp.dsf.test", "hrp.dsf.test", "t1", "3",
						"in-progress", "completed", "ping", "bk-1", List.of()));
		List<TaskOutcome> outcomes = List.of(new TaskOutcome("hrp.dsf.test", "t1", "3", "completed",
				"http://dsf.dev/bpe/Process/pong|1.0", "ping", "bk-1",
				List.of(new TaskOutcome.Output("http://dsf.dev/fhir/CodeSystem/ping", "ping-status", "pong-received")),
				List.of()));
		List<Step> steps = List.of(new Step("Given the network tutorial", ScenarioStatus.PASSED, Duration.ofMillis(1200), null),
				new Step("When dic.dsf.test pings hrp.dsf.test", ScenarioStatus.PASSED, Duration.ofMillis(300), null));
		return new ScenarioReport(PING_FEATURE, HOSTILE_SCENARIO, ScenarioStatus.PASSED, organizations(), messages,
				changes, outcomes, steps, List.of(), timings(0, 4, 3));
	}

	/** Failed: one message, a failed Task with DSF's error output, a failing step with a stack trace. */
	static ScenarioReport failed()
	{
		List<Message> messages = List.of(message(11, "dic.dsf.test", "hrp.dsf.test", "POST", "Task", 201, "ping"));
		String error = "Process dsfdev_pong has fatal error in step Task_1, reason: <null> & \"boom\"";
		List<TaskChange> changes = List.of(new TaskChange(T0.plusSeconds(12), T0.plusSeconds(12), "hrp.dsf.test",
				"hrp.dsf.test", "t2", "3", "in-progress", "failed", "ping", "bk-2", List.of(error)));
		List<TaskOutcome> outcomes = List.of(new TaskOutcome("hrp.dsf.test", "t2", "3", "failed",
				"http://dsf.dev/bpe/Process/pong|1.0", "ping", "bk-2",
				List.of(new TaskOutcome.Output("http://dsf.dev/fhir/CodeSystem/bpmn-message", "error", error)),
				List.of(error)));
		String failingStep = "Then the Task at hrp.dsf.test is completed";
		List<Step> steps = List.of(new Step("Given the network tutorial", ScenarioStatus.PASSED, Duration.ofMillis(5), null),
				new Step(failingStep, ScenarioStatus.FAILED, Duration.ofSeconds(30), "expected completed but was failed"));
		List<Failure> failures = List.of(new Failure(failingStep, "expected completed but was failed",
				"java.lang.AssertionError: expected completed but was failed\n\tat org.example.Steps.check(Steps.java:42)"));
		return new ScenarioReport(TIMER_FEATURE, "Pong fails after the timer", ScenarioStatus.FAILED,
				organizations().subList(0, 2), messages, changes, outcomes, steps, failures, timings(10, 45, 1));
	}

	private static Timings timings(int startSecond, int endSecond, int messages)
	{
		Instant start = T0.plusSeconds(startSecond);
		Instant end = T0.plusSeconds(endSecond);
		return new Timings(start, end, Duration.between(start, end), start.plus(Duration.ofHours(1)),
				end.plus(Duration.ofHours(2)), Duration.between(start, end).plus(Duration.ofHours(1)), messages + 7,
				messages, Duration.ofMillis(43));
	}

	static ConformanceReport report()
	{
		return new ConformanceReport("20250131T120000Z-abc123", "tutorial", "embedded", T0, T0.plusSeconds(50),
				RunState.FINISHED, List.of(passed(), failed()));
	}
}
