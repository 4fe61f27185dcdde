package org.dsftestbed.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.dsftestbed.fhir.context.FhirContexts;
import org.dsftestbed.fhir.validation.ValidationChains;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.r4.model.TestReport;
import org.hl7.fhir.r4.model.TestReport.TestReportActionResult;
import org.hl7.fhir.r4.model.TestReport.TestReportParticipantType;
import org.hl7.fhir.r4.model.TestReport.TestReportResult;
import org.hl7.fhir.r4.model.TestReport.TestReportStatus;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;

class FeatureTestReportsTest
{
	private static final Map<String, TestReport> REPORTS = FeatureTestReports.of(SampleReports.report());

	@Test
	void oneReportPerFeatureWithOneTestPerScenario()
	{
		assertThat(REPORTS).containsOnlyKeys(SampleReports.PING_FEATURE, SampleReports.TIMER_FEATURE);
		TestReport ping = REPORTS.get(SampleReports.PING_FEATURE);
		assertThat(ping.getStatus()).isEqualTo(TestReportStatus.COMPLETED);
		assertThat(ping.getResult()).isEqualTo(TestReportResult.PASS);
		assertThat(ping.getScore().doubleValue()).isEqualTo(100.0);
		assertThat(ping.getTestScript().getIdentifier().getValue()).isEqualTo(SampleReports.PING_FEATURE);
		assertThat(ping.getTest()).singleElement().satisfies(test ->
		{
			assertThat(test.getName()).isEqualTo(SampleReports.HOSTILE_SCENARIO);
			assertThat(test.getAction()).extracting(a -> a.getOperation().getResult())
					.containsExactly(TestReportActionResult.PASS, TestReportActionResult.PASS);
		});
		assertThat(ping.getParticipant()).extracting(p -> p.getType(), p -> p.getUri()).contains(
				tuple(TestReportParticipantType.TESTENGINE, FeatureTestReports.TEST_ENGINE),
				tuple(TestReportParticipantType.SERVER, "https://localhost:4711/fhir"));
	}

	@Test
	void aFailedStepFailsItsActionAndTheReport()
	{
		TestReport timers = REPORTS.get(SampleReports.TIMER_FEATURE);

		assertThat(timers.getResult()).isEqualTo(TestReportResult.FAIL);
		assertThat(timers.getScore().doubleValue()).isZero();
		var actions = timers.getTestFirstRep().getAction();
		assertThat(actions).extracting(a -> a.getOperation().getResult())
				.containsExactly(TestReportActionResult.PASS, TestReportActionResult.FAIL);
		assertThat(actions.get(1).getOperation().getMessage()).contains("expected completed but was failed");
	}

	@Test
	void anInterruptedRunIsStoppedAndItsOpenScenarioAnError()
	{
		ScenarioReport open = new ScenarioReport("F", "open", ScenarioStatus.INTERRUPTED, List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of(), SampleReports.passed().timings());
		ConformanceReport run = new ConformanceReport("r", "tutorial", "embedded", SampleReports.T0,
				SampleReports.T0.plusSeconds(9), RunState.INTERRUPTED, List.of(open));

		TestReport report = FeatureTestReports.of(run).get("F");

		assertThat(report.getStatus()).isEqualTo(TestReportStatus.STOPPED);
		assertThat(report.getResult()).isEqualTo(TestReportResult.FAIL);
		assertThat(report.getTestFirstRep().getActionFirstRep().getOperation().getResult())
				.isEqualTo(TestReportActionResult.ERROR);
	}

	@Test
	void reportsParseBackAndValidateAgainstTheR4Definition()
	{
		var validator = ValidationChains.validator(FhirContexts.r4(), new PrePopulatedValidationSupport(FhirContexts.r4()));
		for (TestReport report : REPORTS.values())
		{
			String json = FhirContexts.r4().newJsonParser().encodeResourceToString(report);
			TestReport parsed = FhirContexts.r4().newJsonParser().parseResource(TestReport.class, json);
			assertThat(parsed.getName()).isEqualTo(report.getName());
			assertThat(parsed.getTest()).hasSameSizeAs(report.getTest());

			ValidationResult result = validator.validateWithResult(parsed);
			assertThat(result.getMessages()).as(json)
					.noneMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL);
		}
	}
}
