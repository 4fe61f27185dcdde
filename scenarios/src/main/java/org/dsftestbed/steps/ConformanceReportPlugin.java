package org.dsftestbed.steps;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.dsftestbed.conformance.report.ConformanceRun;
import org.dsftestbed.conformance.report.Failure;
import org.dsftestbed.conformance.report.Organization;
import org.dsftestbed.conformance.report.ReportDirectory;
import org.dsftestbed.conformance.report.ScenarioStatus;
import org.dsftestbed.conformance.report.Step;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestStepFinished;

/**
 * Writes the run's conformance report (HTML, JSON, FHIR TestReports) into the run directory given as the plugin's
 * argument ({@code org.dsftestbed.steps.ConformanceReportPlugin:reports/<run-id>}): every scenario's requests between
 * organizations and Task state changes come from the run's recorder, its steps and failures from Cucumber's events.
 * The report is rewritten after every scenario, and written as interrupted when the JVM stops before the run ends.
 */
public final class ConformanceReportPlugin implements ConcurrentEventListener
{
	private final ConformanceRun run;
	private final Map<TestCase, ConformanceRun.Scenario> scenarios = new ConcurrentHashMap<>();
	private final Map<TestCase, List<Step>> steps = new ConcurrentHashMap<>();
	private final Map<TestCase, List<Failure>> failures = new ConcurrentHashMap<>();

	public ConformanceReportPlugin(String runDirectory)
	{
		Path path = Path.of(runDirectory).toAbsolutePath();
		ReportDirectory directory = ReportDirectory.create(path.getParent(), path.getFileName().toString(),
				Clock.systemUTC());
		RunRecording.runDirectory(path);
		run = ConformanceRun.start(directory, RunRecording.recorder(), RunSettings.defaultNetwork(),
				RunSettings.runtime().description(), List.of(), Clock.systemUTC());
		run.writeOnShutdown();
	}

	@Override
	public void setEventPublisher(EventPublisher publisher)
	{
		publisher.registerHandlerFor(TestCaseStarted.class, this::started);
		publisher.registerHandlerFor(TestStepFinished.class, this::stepFinished);
		publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
		publisher.registerHandlerFor(TestRunFinished.class, e -> run.finish());
	}

	private void started(TestCaseStarted event)
	{
		TestCase testCase = event.getTestCase();
		scenarios.put(testCase, run.startScenario(featureName(testCase), testCase.getName()));
		steps.put(testCase, new ArrayList<>());
		failures.put(testCase, new ArrayList<>());
	}

	private static String featureName(TestCase testCase)
	{
		String uri = testCase.getUri().toString();
		String file = uri.substring(uri.lastIndexOf('/') + 1);
		return file.endsWith(".feature") ? file.substring(0, file.length() - ".feature".length()) : file;
	}

	private void stepFinished(TestStepFinished event)
	{
		if (!(event.getTestStep() instanceof PickleStepTestStep step))
			return;
		Result result = event.getResult();
		String text = step.getStep().getKeyword() + step.getStep().getText();
		String error = result.getError() == null ? null : result.getError().getMessage();
		steps.get(event.getTestCase()).add(new Step(text, status(result.getStatus()),
				result.getDuration() == null ? Duration.ZERO : result.getDuration(), error));
		if (result.getStatus() == Status.FAILED || result.getStatus() == Status.UNDEFINED)
			failures.get(event.getTestCase()).add(new Failure(text,
					error != null ? error : "unknown step: no step definition matches it", null));
	}

	private void finished(TestCaseFinished event)
	{
		TestCase testCase = event.getTestCase();
		List<Organization> network = RunRecording.currentOrganizations();
		run.finishScenario(scenarios.remove(testCase), network, status(event.getResult().getStatus()),
				steps.remove(testCase), failures.remove(testCase));
	}

	private static ScenarioStatus status(Status status)
	{
		return switch (status)
		{
			case PASSED -> ScenarioStatus.PASSED;
			case SKIPPED -> ScenarioStatus.SKIPPED;
			case UNDEFINED -> ScenarioStatus.UNDEFINED;
			default -> ScenarioStatus.FAILED; // failed, pending, ambiguous, unused: failures in strict mode
		};
	}
}
