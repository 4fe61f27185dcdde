package org.dsftestbed.conformance.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.dsftestbed.conformance.record.RunRecorder;
import org.dsftestbed.conformance.record.ScenarioMark;

/**
 * One run's report as it grows: scenarios start and finish (from the step library's Cucumber hooks), and after each
 * finished scenario the report directory is rewritten, so a failed scenario's report exists at once. When the JVM
 * stops before {@link #finish()} (Ctrl-C, a killed CI job), the {@link #writeOnShutdown() shutdown hook} writes the
 * report as interrupted, with the scenarios still open and what they recorded so far.
 *
 * <pre>{@code
 * ConformanceRun run = ConformanceRun.start(ReportDirectory.create(Path.of("reports")), recorder, "tutorial",
 * 		"embedded", organizations, Clock.systemUTC());
 * run.writeOnShutdown();
 * ConformanceRun.Scenario scenario = run.startScenario("Ping", "ping two organizations");   // @Before
 * run.finishScenario(scenario, ScenarioStatus.PASSED, steps, List.of());                   // @After
 * run.finish();                                                                            // @AfterAll
 * }</pre>
 */
public final class ConformanceRun
{
	/** A scenario that started; hand it back to {@link ConformanceRun#finishScenario}. */
	public record Scenario(long number, String feature, ScenarioMark mark)
	{
	}

	private final ReportDirectory directory;
	private final RunRecorder recorder;
	private final String network;
	private final String runtime;
	private final List<Organization> organizations;
	private final Clock clock;
	private final Instant started;
	private final AtomicLong numbers = new AtomicLong();
	private final List<ScenarioReport> finished = new ArrayList<>();
	private final Map<Long, Scenario> open = new ConcurrentHashMap<>();
	private volatile RunState state = RunState.RUNNING;
	private Thread shutdownHook;

	private ConformanceRun(ReportDirectory directory, RunRecorder recorder, String network, String runtime,
			List<Organization> organizations, Clock clock)
	{
		this.directory = Objects.requireNonNull(directory, "directory");
		this.recorder = Objects.requireNonNull(recorder, "recorder");
		this.network = network;
		this.runtime = runtime;
		this.organizations = List.copyOf(organizations);
		this.clock = Objects.requireNonNull(clock, "clock");
		this.started = clock.instant();
	}

	/**
	 * @param organizations
	 *            the network's organizations and their FHIR base URLs, in the order the diagrams draw them
	 */
	public static ConformanceRun start(ReportDirectory directory, RunRecorder recorder, String network,
			String runtime, List<Organization> organizations, Clock clock)
	{
		return new ConformanceRun(directory, recorder, network, runtime, organizations, clock);
	}

	public ReportDirectory directory()
	{
		return directory;
	}

	public Scenario startScenario(String feature, String name)
	{
		Scenario scenario = new Scenario(numbers.incrementAndGet(), Objects.requireNonNull(feature, "feature"),
				recorder.startScenario(name));
		open.put(scenario.number(), scenario);
		return scenario;
	}

	/** Ends the scenario's recording, adds its report and rewrites the report directory. */
	public ScenarioReport finishScenario(Scenario scenario, ScenarioStatus status, List<Step> steps,
			List<Failure> failures)
	{
		return finishScenario(scenario, organizations, status, steps, failures);
	}

	/**
	 * As {@link #finishScenario(Scenario, ScenarioStatus, List, List)}, for a scenario that ran on a network of its own
	 * (scenarios of one run may use different networks).
	 */
	public ScenarioReport finishScenario(Scenario scenario, List<Organization> network, ScenarioStatus status,
			List<Step> steps, List<Failure> failures)
	{
		Objects.requireNonNull(scenario, "scenario");
		ScenarioReport report = ScenarioReports.of(scenario.feature(), scenario.mark().name(), status, network,
				recorder.endScenario(scenario.mark()), steps, failures);
		synchronized (finished)
		{
			open.remove(scenario.number());
			finished.add(report);
		}
		directory.write(report());
		return report;
	}

	/** The report as it stands: finished scenarios, and the open ones as interrupted once the run was interrupted. */
	public ConformanceReport report()
	{
		List<ScenarioReport> scenarios;
		synchronized (finished)
		{
			scenarios = new ArrayList<>(finished);
			if (state == RunState.INTERRUPTED)
				open.values().stream().sorted(java.util.Comparator.comparingLong(Scenario::number))
						.forEach(s -> scenarios.add(ScenarioReports.of(s.feature(), s.mark().name(),
								ScenarioStatus.INTERRUPTED, organizations, recorder.snapshot(s.mark()), List.of(),
								List.of(new Failure("run", "the run was interrupted while this scenario ran", null)))));
		}
		return new ConformanceReport(directory.runId(), network, runtime, started,
				state == RunState.RUNNING ? null : clock.instant(), state, scenarios);
	}

	/** Marks the run finished and writes the final report. */
	public synchronized void finish()
	{
		state = RunState.FINISHED;
		removeShutdownHook();
		directory.write(report());
	}

	/** Marks the run interrupted (unless it finished) and writes what exists. */
	public synchronized void interrupt()
	{
		if (state == RunState.FINISHED)
			return;
		state = RunState.INTERRUPTED;
		directory.write(report());
	}

	/** Registers a JVM shutdown hook that {@link #interrupt() interrupts} the run unless it finished first. */
	public synchronized void writeOnShutdown()
	{
		if (shutdownHook != null)
			return;
		shutdownHook = new Thread(this::interrupt, "dsf-testbed-report-on-shutdown");
		Runtime.getRuntime().addShutdownHook(shutdownHook);
	}

	private void removeShutdownHook()
	{
		if (shutdownHook == null)
			return;
		try
		{
			Runtime.getRuntime().removeShutdownHook(shutdownHook);
		}
		catch (IllegalStateException alreadyShuttingDown)
		{
			// the hook runs or ran; interrupt() sees the finished state and writes nothing
		}
		shutdownHook = null;
	}
}
