package org.dsftestbed.conformance.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dsftestbed.fhir.server.RequestRecord;
import org.dsftestbed.fhir.server.TaskSnapshot;
import org.dsftestbed.time.NetworkClock;
import org.junit.jupiter.api.Test;

/** The recorder with synthetic request records: segments, Task state derivation, network time, many threads. */
class RunRecorderTest
{
	private static final Instant T0 = Instant.parse("2025-01-31T12:00:00Z");
	private static final Clock WALL = Clock.fixed(T0, ZoneOffset.UTC);

	static RequestRecord taskWrite(int second, String server, String caller, String id, String version, String status,
			String... errors)
	{
		List<TaskSnapshot.Output> outputs = new ArrayList<>();
		for (String error : errors)
			outputs.add(new TaskSnapshot.Output("http://dsf.dev/fhir/CodeSystem/bpmn-message", "error", error));
		TaskSnapshot task = new TaskSnapshot(id, version, status, "http://dsf.dev/bpe/Process/ping|1.0", "ping", "bk",
				null, outputs);
		return new RequestRecord(T0.plusSeconds(second), server, caller, "1".equals(version) ? "POST" : "PUT",
				"1".equals(version) ? "Task" : "Task/" + id, "1".equals(version) ? 201 : 200, "Task", "ping", "bk",
				null, Duration.ofMillis(5), List.of(task));
	}

	static RequestRecord search(int second, String server, String caller)
	{
		return new RequestRecord(T0.plusSeconds(second), server, caller, "GET", "Endpoint", 200, "Endpoint", null,
				null, null, Duration.ofMillis(2));
	}

	@Test
	void stateChangesFollowVersionsEvenWhenReportedOutOfOrder()
	{
		RunRecorder recorder = new RunRecorder(WALL, null);
		ScenarioMark mark = recorder.startScenario("ping");
		recorder.onRequest(taskWrite(1, "b", "a", "t1", "1", "requested"));
		recorder.onRequest(taskWrite(3, "b", "b", "t1", "3", "completed"));
		recorder.onRequest(taskWrite(2, "b", "b", "t1", "2", "in-progress"));

		Recording recording = recorder.endScenario(mark);

		assertThat(recording.taskStateChanges()).extracting(TaskStateChange::previousStatus, c -> c.task().status())
				.containsExactly(tuple(null, "requested"), tuple("requested", "in-progress"),
						tuple("in-progress", "completed"));
		assertThat(recording.taskStateChanges().get(0).created()).isTrue();
		assertThat(recording.tasks()).singleElement().satisfies(t -> assertThat(t.latest().version()).isEqualTo("3"));
		assertThat(recording.requests()).extracting(RecordedRequest::time).isSorted();
	}

	@Test
	void updatesKeepingTheStatusAreNoStateChangeButUpdateTheOutcome()
	{
		RunRecorder recorder = new RunRecorder(WALL, null);
		ScenarioMark mark = recorder.startScenario("multi-instance send");
		recorder.onRequest(taskWrite(1, "a", "a", "t1", "1", "in-progress"));
		recorder.onRequest(taskWrite(2, "a", "a", "t1", "2", "in-progress", "send to b failed"));

		Recording recording = recorder.endScenario(mark);

		assertThat(recording.taskStateChanges()).hasSize(1);
		assertThat(recording.tasks()).singleElement()
				.satisfies(t -> assertThat(t.latest().errors()).containsExactly("send to b failed"));
	}

	@Test
	void scenariosGetWhatWasReportedWhileTheyWereOpenAndKnowEarlierTaskStates()
	{
		RunRecorder recorder = new RunRecorder(WALL, null);
		recorder.onRequest(search(0, "a", "a"));
		ScenarioMark first = recorder.startScenario("first");
		recorder.onRequest(taskWrite(1, "b", "a", "t1", "1", "requested"));
		Recording firstRecording = recorder.endScenario(first);

		ScenarioMark second = recorder.startScenario("second");
		ScenarioMark overlapping = recorder.startScenario("overlapping");
		recorder.onRequest(taskWrite(2, "b", "b", "t1", "2", "failed", "Process not found"));
		recorder.onRequest(search(3, "a", "c"));

		assertThat(firstRecording.requests()).hasSize(1);
		Recording secondRecording = recorder.endScenario(second);
		assertThat(secondRecording.requests()).hasSize(2);
		assertThat(secondRecording.taskStateChanges()).singleElement().satisfies(c ->
		{
			assertThat(c.previousStatus()).as("known from the first scenario").isEqualTo("requested");
			assertThat(c.task().errors()).containsExactly("Process not found");
		});
		assertThat(secondRecording.crossOrganizationRequests()).extracting(r -> r.request().caller())
				.containsExactly("c");
		assertThat(recorder.snapshot(overlapping).requests()).hasSize(2);
		assertThat(recorder.all("run").requests()).hasSize(4);
	}

	@Test
	void networkTimeIsWallTimePlusTheClocksOffset()
	{
		NetworkClock clock = new NetworkClock();
		clock.advance(Duration.ofMinutes(45));
		RunRecorder recorder = new RunRecorder(WALL, clock);
		ScenarioMark mark = recorder.startScenario("timer");
		recorder.onRequest(search(10, "a", "b"));

		Recording recording = recorder.endScenario(mark);

		assertThat(recording.requests().get(0).networkTime())
				.isBetween(T0.plusSeconds(10).plus(Duration.ofMinutes(45)), T0.plusSeconds(10).plus(Duration.ofMinutes(46)));
		assertThat(mark.networkStarted()).isAfterOrEqualTo(T0.plus(Duration.ofMinutes(45)));

		RunRecorder withoutClock = new RunRecorder(WALL, null);
		withoutClock.onRequest(search(10, "a", "b"));
		RecordedRequest plain = withoutClock.all("run").requests().get(0);
		assertThat(plain.networkTime()).isEqualTo(plain.time());
	}

	@Test
	void aNetworkTimeGivenWithTheRequestWinsOverTheRecordersClock()
	{
		NetworkClock clock = new NetworkClock();
		clock.advance(Duration.ofMinutes(45));
		RunRecorder recorder = new RunRecorder(WALL, clock);
		Instant containersTime = T0.plusSeconds(10).plus(Duration.ofDays(2));

		recorder.onRequest(search(10, "a", "b"), containersTime);

		RecordedRequest recorded = recorder.all("run").requests().get(0);
		assertThat(recorded.networkTime()).as("the answering container's clock, not this JVM's")
				.isEqualTo(containersTime);
		assertThat(recorded.time()).isEqualTo(T0.plusSeconds(10));
	}

	@Test
	void unauthenticatedCallersCountAsCrossOrganization()
	{
		RunRecorder recorder = new RunRecorder(WALL, null);
		recorder.onRequest(new RequestRecord(T0, "a", null, "GET", "metadata", 401, null, null, null, null,
				Duration.ZERO));

		assertThat(recorder.all("run").crossOrganizationRequests()).singleElement()
				.satisfies(r -> assertThat(r.request().status()).isEqualTo(401));
	}

	@Test
	void concurrentReportsAreAllKeptWithUniqueSequenceNumbers() throws Exception
	{
		RunRecorder recorder = new RunRecorder(WALL, null);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try
		{
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 8; t++)
			{
				String server = "org" + t;
				done.add(threads.submit(() ->
				{
					for (int i = 0; i < 500; i++)
						recorder.onRequest(search(i, server, "x"));
				}));
			}
			for (Future<?> f : done)
				f.get(30, TimeUnit.SECONDS);
		}
		finally
		{
			threads.shutdownNow();
		}

		List<RecordedRequest> all = recorder.all("run").requests();
		assertThat(all).hasSize(4000);
		assertThat(all.stream().mapToLong(RecordedRequest::sequence).distinct().count()).isEqualTo(4000);
	}
}
