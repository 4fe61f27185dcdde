package org.dsftestbed.conformance.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.TestReport;
import org.hl7.fhir.r4.model.TestReport.TestActionComponent;
import org.hl7.fhir.r4.model.TestReport.TestReportActionResult;
import org.hl7.fhir.r4.model.TestReport.TestReportParticipantType;
import org.hl7.fhir.r4.model.TestReport.TestReportResult;
import org.hl7.fhir.r4.model.TestReport.TestReportStatus;
import org.hl7.fhir.r4.model.TestReport.TestReportTestComponent;

/**
 * A FHIR R4 {@code TestReport} per feature of a run: one {@code test} per scenario, one {@code action.operation} per
 * step with its result (a scenario without steps, e.g. one that failed in a hook, gets one action with the
 * scenario's result), the organizations' FHIR servers as participants, result {@code fail} when a scenario failed,
 * was undefined or interrupted, else {@code pass}, and the percentage of passed scenarios as score.
 * <p>
 * There is no TestScript resource for a Cucumber feature, so {@code testScript} (required) is a logical reference:
 * identifier {@value #FEATURE_SYSTEM} with the feature's name.
 */
public final class FeatureTestReports
{
	/** Identifier system of the features a TestReport's {@code testScript} names. */
	public static final String FEATURE_SYSTEM = "urn:dsf-testbed:feature";
	/** Identifier system of the TestReports: value {@code <run id>/<feature>}. */
	public static final String REPORT_SYSTEM = "urn:dsf-testbed:test-report";
	/** The participant that ran the tests. */
	public static final String TEST_ENGINE = "urn:dsf-testbed:test-engine";

	private FeatureTestReports()
	{
	}

	/** @return one TestReport per feature, keyed and ordered by the feature's first scenario */
	public static Map<String, TestReport> of(ConformanceReport report)
	{
		Map<String, List<ScenarioReport>> features = new LinkedHashMap<>();
		for (ScenarioReport scenario : report.scenarios())
			features.computeIfAbsent(scenario.feature(), f -> new ArrayList<>()).add(scenario);
		Map<String, TestReport> reports = new LinkedHashMap<>();
		features.forEach((feature, scenarios) -> reports.put(feature, testReport(report, feature, scenarios)));
		return reports;
	}

	private static TestReport testReport(ConformanceReport run, String feature, List<ScenarioReport> scenarios)
	{
		TestReport report = new TestReport();
		report.setIdentifier(new Identifier().setSystem(REPORT_SYSTEM).setValue(run.runId() + "/" + feature));
		report.setName(feature);
		report.setStatus(switch (run.state())
		{
			case FINISHED -> TestReportStatus.COMPLETED;
			case RUNNING -> TestReportStatus.INPROGRESS;
			case INTERRUPTED -> TestReportStatus.STOPPED;
		});
		report.setTestScript(new Reference().setDisplay("Feature: " + feature)
				.setIdentifier(new Identifier().setSystem(FEATURE_SYSTEM).setValue(feature)));
		boolean failed = scenarios.stream().anyMatch(s -> s.status().isProblem());
		report.setResult(failed ? TestReportResult.FAIL : TestReportResult.PASS);
		long passed = scenarios.stream().filter(s -> s.status() == ScenarioStatus.PASSED).count();
		report.setScore(Math.round(1000.0 * passed / scenarios.size()) / 10.0);
		report.setTester("dsf-testbed");
		Instant issued = scenarios.stream().map(s -> s.timings().finished()).max(Instant::compareTo)
				.orElse(run.started());
		report.setIssued(Date.from(issued));

		report.addParticipant().setType(TestReportParticipantType.TESTENGINE).setUri(TEST_ENGINE)
				.setDisplay("dsf-testbed " + (run.runtime() == null ? "" : run.runtime() + " runtime"));
		Set<String> servers = new LinkedHashSet<>();
		for (ScenarioReport scenario : scenarios)
			for (Organization organization : scenario.organizations())
				if (organization.baseUrl() != null && servers.add(organization.baseUrl()))
					report.addParticipant().setType(TestReportParticipantType.SERVER).setUri(organization.baseUrl())
							.setDisplay(organization.identifier());

		scenarios.forEach(scenario -> report.addTest(test(scenario)));
		return report;
	}

	private static TestReportTestComponent test(ScenarioReport scenario)
	{
		TestReportTestComponent test = new TestReportTestComponent().setName(scenario.name())
				.setDescription("Scenario " + scenario.status().code() + ", " + scenario.messages().size()
						+ " messages between organizations, " + scenario.taskOutcomes().size() + " Tasks");
		for (Step step : scenario.steps())
			addAction(test, result(step.status()), step.text(), step.error());
		if (scenario.steps().isEmpty())
			addAction(test, result(scenario.status()), "Scenario: " + scenario.name(), null);
		for (Failure failure : scenario.failures())
			if (scenario.steps().stream().noneMatch(s -> s.text().equals(failure.step())))
				addAction(test, TestReportActionResult.FAIL, failure.step(), failure.message());
		return test;
	}

	private static void addAction(TestReportTestComponent test, TestReportActionResult result, String text,
			String error)
	{
		TestActionComponent action = test.addAction();
		action.getOperation().setResult(result).setMessage(error == null ? text : text + "\n\n" + error);
	}

	private static TestReportActionResult result(ScenarioStatus status)
	{
		return switch (status)
		{
			case PASSED -> TestReportActionResult.PASS;
			case SKIPPED -> TestReportActionResult.SKIP;
			case FAILED -> TestReportActionResult.FAIL;
			case UNDEFINED, INTERRUPTED -> TestReportActionResult.ERROR;
		};
	}
}
