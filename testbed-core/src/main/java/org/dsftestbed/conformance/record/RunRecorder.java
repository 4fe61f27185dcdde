package org.dsftestbed.conformance.record;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.dsftestbed.fhir.server.RequestListener;
import org.dsftestbed.fhir.server.RequestRecord;
import org.dsftestbed.fhir.server.TaskSnapshot;
import org.dsftestbed.time.NetworkClock;

/**
 * Records one run: every FHIR server of the network reports each request it answered here
 * ({@link org.dsftestbed.fhir.server.FhirServerConfig#withListener(RequestListener)}), and the recorder keeps them
 * all, between organizations and local ones alike (local requests are how a user's start Task and an organization's
 * BPE updating its Tasks become visible), together with the Task state changes they caused. Scenarios mark the
 * recording's start and end; everything reported in between belongs to them.
 *
 * <pre>{@code
 * RunRecorder recorder = new RunRecorder(networkClock);
 * FhirServerConfig config = FhirServerConfig.of(...).withListener(recorder);    // every organization's server
 * ScenarioMark mark = recorder.startScenario("ping two organizations");         // Cucumber @Before hook
 * ...
 * Recording recording = recorder.endScenario(mark);                             // @After hook
 * }</pre>
 *
 * Thread-safe: servers report on their request threads. Scenarios may overlap (each gets everything reported while it
 * was open); requests reported after a scenario ended, e.g. a BPE's last Task update racing the scenario's end,
 * belong to the scenarios open at that time.
 * <p>
 * Servers report a request after its response is written, so a client's next request can be reported first. The
 * recorder therefore orders requests by the time they started, and derives each Task's state changes from the Task's
 * versions, not from the order of reports.
 */
public final class RunRecorder implements RequestListener
{
	private final Clock wallClock;
	private final NetworkClock networkClock;
	private final List<RecordedRequest> requests = new ArrayList<>();

	/** A recorder whose network time is wall time (no simulated clock). */
	public RunRecorder()
	{
		this(Clock.systemUTC(), null);
	}

	/**
	 * @param networkClock
	 *            the network's simulated time, recorded next to wall time
	 */
	public RunRecorder(NetworkClock networkClock)
	{
		this(Clock.systemUTC(), Objects.requireNonNull(networkClock, "networkClock"));
	}

	/**
	 * @param wallClock
	 *            where scenario start and end times come from (request times come from the servers)
	 * @param networkClock
	 *            the network's simulated time, or {@code null} to record wall time as network time
	 */
	public RunRecorder(Clock wallClock, NetworkClock networkClock)
	{
		this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
		this.networkClock = networkClock;
	}

	@Override
	public void onRequest(RequestRecord record)
	{
		Objects.requireNonNull(record, "record");
		onRequest(record, toNetworkTime(record.time()));
	}

	/** Keeps the network time the answering server's own clock gave, e.g. a container's, instead of the recorder's. */
	@Override
	public void onRequest(RequestRecord record, Instant networkTime)
	{
		Objects.requireNonNull(record, "record");
		Objects.requireNonNull(networkTime, "networkTime");
		synchronized (requests)
		{
			requests.add(new RecordedRequest(requests.size(), networkTime, record));
		}
	}

	/** Marks a scenario's start: requests reported from now on belong to it. */
	public ScenarioMark startScenario(String name)
	{
		Objects.requireNonNull(name, "name");
		Instant now = wallClock.instant();
		synchronized (requests)
		{
			return new ScenarioMark(name, requests.size(), now, toNetworkTime(now));
		}
	}

	/**
	 * Ends a scenario. The recorder keeps everything, so ending a scenario twice (or taking a {@link #snapshot} first)
	 * is harmless: each call returns what was reported until then.
	 */
	public Recording endScenario(ScenarioMark mark)
	{
		return snapshot(mark);
	}

	/** What a scenario recorded so far, e.g. to write the report of an interrupted run. */
	public Recording snapshot(ScenarioMark mark)
	{
		Objects.requireNonNull(mark, "mark");
		return recording(mark.name(), mark.firstSequence(), mark.started(), mark.networkStarted());
	}

	/** Everything the recorder kept since it was created, start-up of the network included. */
	public Recording all(String name)
	{
		List<RecordedRequest> copy = copy();
		Instant first = copy.stream().map(RecordedRequest::time).min(Comparator.naturalOrder())
				.orElse(wallClock.instant());
		return recording(name, 0, first, toNetworkTime(first));
	}

	private Recording recording(String name, long firstSequence, Instant started, Instant networkStarted)
	{
		Instant ended = wallClock.instant();
		List<RecordedRequest> all = copy();
		List<RecordedRequest> segment = new ArrayList<>(all.subList((int) Math.min(firstSequence, all.size()),
				all.size()));
		segment.sort(BY_START);

		List<TaskStateChange> changes = new ArrayList<>();
		Map<TaskKey, RecordedTask> tasks = new LinkedHashMap<>();
		for (TaskWrite write : taskHistories(all))
		{
			if (write.request.sequence() < firstSequence)
				continue;
			RequestRecord record = write.request.request();
			if (write.previousStatus == null || !write.previousStatus.equals(write.task.status()))
				changes.add(new TaskStateChange(write.request.sequence(), record.time(), write.request.networkTime(),
						record.server(), record.caller(), write.previousStatus, write.task));
			TaskKey key = new TaskKey(record.server(), write.task.id());
			RecordedTask known = tasks.get(key);
			if (known == null || versionOf(write.task) >= versionOf(known.latest()))
				tasks.put(key, new RecordedTask(record.server(), write.task, record.time()));
		}
		changes.sort(Comparator.comparing(TaskStateChange::time).thenComparingLong(TaskStateChange::sequence));
		return new Recording(name, started, ended, networkStarted, toNetworkTime(ended), segment, changes,
				new ArrayList<>(tasks.values()));
	}

	private static final Comparator<RecordedRequest> BY_START = Comparator.comparing(RecordedRequest::time)
			.thenComparingLong(RecordedRequest::sequence);

	private record TaskKey(String server, String id)
	{
	}

	/** One stored version of a Task, and the status of the version before it (null for the first one). */
	private record TaskWrite(RecordedRequest request, TaskSnapshot task, String previousStatus)
	{
	}

	/** Every Task write of the run, each with its predecessor's status, in order of (Task, version). */
	private static List<TaskWrite> taskHistories(List<RecordedRequest> all)
	{
		Map<TaskKey, List<TaskWrite>> byTask = new LinkedHashMap<>();
		for (RecordedRequest request : all)
			for (TaskSnapshot task : request.request().tasks())
				byTask.computeIfAbsent(new TaskKey(request.request().server(), task.id()), k -> new ArrayList<>())
						.add(new TaskWrite(request, task, null));

		List<TaskWrite> result = new ArrayList<>();
		for (List<TaskWrite> versions : byTask.values())
		{
			versions.sort(Comparator.comparingLong((TaskWrite w) -> versionOf(w.task))
					.thenComparingLong(w -> w.request.sequence()));
			String previous = null;
			for (TaskWrite write : versions)
			{
				result.add(new TaskWrite(write.request, write.task, previous));
				previous = write.task.status();
			}
		}
		return result;
	}

	// DSF's version ids are 1, 2, 3…; anything else sorts first and keeps its reporting order
	private static long versionOf(TaskSnapshot task)
	{
		try
		{
			return task.version() == null ? -1 : Long.parseLong(task.version());
		}
		catch (NumberFormatException e)
		{
			return -1;
		}
	}

	private List<RecordedRequest> copy()
	{
		synchronized (requests)
		{
			return new ArrayList<>(requests);
		}
	}

	private Instant toNetworkTime(Instant wallTime)
	{
		if (networkClock == null)
			return wallTime;
		return wallTime.plus(networkClock.offset());
	}

	/** How many requests were reported so far. */
	public int size()
	{
		synchronized (requests)
		{
			return requests.size();
		}
	}

	/** For diagnostics only. */
	@Override
	public String toString()
	{
		return "RunRecorder[" + size() + " requests]";
	}
}
