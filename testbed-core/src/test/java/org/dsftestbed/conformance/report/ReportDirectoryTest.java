package org.dsftestbed.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.dsftestbed.conformance.record.RunRecorder;
import org.dsftestbed.fhir.server.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDirectoryTest
{
	private static final Clock CLOCK = Clock.fixed(SampleReports.T0, ZoneOffset.UTC);

	@TempDir
	Path root;

	private static List<Path> files(Path dir) throws Exception
	{
		try (Stream<Path> walk = Files.walk(dir))
		{
			return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
		}
	}

	@Test
	void runIdsSortByTimeAndDiffer()
	{
		String early = ReportDirectory.newRunId(CLOCK);
		String late = ReportDirectory.newRunId(Clock.offset(CLOCK, Duration.ofSeconds(1)));

		assertThat(early).matches("20250131T120000Z-[0-9a-f]{6}");
		assertThat(late).isGreaterThan(early);
		assertThat(ReportDirectory.newRunId(CLOCK)).isNotEqualTo(ReportDirectory.newRunId(CLOCK));
	}

	@Test
	void writesJsonHtmlAndATestReportPerFeatureAndRewritesInPlace() throws Exception
	{
		ReportDirectory directory = ReportDirectory.create(root, "run-1", CLOCK);
		directory.write(new ConformanceReport("run-1", "tutorial", "embedded", SampleReports.T0, null, RunState.RUNNING,
				List.of(SampleReports.passed())));
		directory.write(SampleReports.report());

		assertThat(directory.path()).isEqualTo(root.resolve("run-1"));
		assertThat(files(directory.path())).containsExactly(Path.of("conformance-report.html"),
				Path.of("conformance-report.json"), Path.of("fhir-test-reports/TestReport-ping-pong.json"),
				Path.of("fhir-test-reports/TestReport-timers.json"));
		try (InputStream in = Files.newInputStream(directory.path().resolve(ReportDirectory.JSON)))
		{
			assertThat(ReportJson.read(in)).isEqualTo(SampleReports.report());
		}
		assertThat(Files.readString(directory.path().resolve(ReportDirectory.HTML))).contains("Pong fails after the timer");
	}

	@Test
	void containerLogsInTheRunDirectoryAreNamedInTheJsonAndLinkedFromTheHtml() throws Exception
	{
		ReportDirectory directory = ReportDirectory.create(root, "run-1", CLOCK);
		directory.write(SampleReports.report());
		assertThat(ReportJson.read(Files.newInputStream(directory.path().resolve(ReportDirectory.JSON))).logs())
				.as("no containers folder: an embedded run").isEmpty();
		assertThat(Files.readString(directory.path().resolve(ReportDirectory.HTML))).doesNotContain("Container logs");

		Path logs = Files.createDirectories(directory.path().resolve(ReportDirectory.CONTAINER_LOGS));
		Files.writeString(logs.resolve("Test_DIC_2.log"), "READY Test_DIC_2 https://dic2/fhir\n");
		Files.writeString(logs.resolve("db.log"), "ready\n");
		Files.writeString(logs.resolve("notes.txt"), "not a log\n");
		directory.write(SampleReports.report());

		try (InputStream in = Files.newInputStream(directory.path().resolve(ReportDirectory.JSON)))
		{
			assertThat(ReportJson.read(in).logs()).containsExactly("containers/Test_DIC_2.log", "containers/db.log");
		}
		assertThat(Files.readString(directory.path().resolve(ReportDirectory.HTML))).contains("Container logs",
				"<a href=\"containers/Test_DIC_2.log\">containers/Test_DIC_2.log</a>",
				"<a href=\"containers/db.log\">");
	}

	@Test
	void testReportFileNamesAreSafeAndUnique()
	{
		Set<String> taken = new HashSet<>();
		assertThat(ReportDirectory.testReportFileName("../Ping & Pong!", taken)).isEqualTo("TestReport-ping-pong.json");
		assertThat(ReportDirectory.testReportFileName("ping/pong", taken)).isEqualTo("TestReport-ping-pong-2.json");
		assertThat(ReportDirectory.testReportFileName("<>", taken)).isEqualTo("TestReport-feature.json");
	}

	@Test
	void badRunIdsAndUnwritableRootsSayWhatIsWrong() throws Exception
	{
		assertThatThrownBy(() -> ReportDirectory.create(root, "../escape", CLOCK))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("run id '../escape'");
		Path file = Files.writeString(root.resolve("not-a-directory"), "x");
		assertThatThrownBy(() -> ReportDirectory.create(file, "run-1", CLOCK)).isInstanceOf(UncheckedIOException.class)
				.hasMessageContaining("cannot create the report directory").hasMessageContaining("not-a-directory");
	}

	@Test
	void aRunWritesAfterEachScenarioAndReportsOpenScenariosWhenInterrupted() throws Exception
	{
		RunRecorder recorder = new RunRecorder(CLOCK, null);
		ReportDirectory directory = ReportDirectory.create(root, "run-2", CLOCK);
		ConformanceRun run = ConformanceRun.start(directory, recorder, "tutorial", "embedded",
				SampleReports.organizations(), CLOCK);

		ConformanceRun.Scenario first = run.startScenario("Ping", "first");
		recorder.onRequest(new RequestRecord(SampleReports.T0, "hrp.dsf.test", "dic.dsf.test", "POST", "Task", 201,
				"Task", "ping", "bk", null, Duration.ofMillis(3)));
		run.finishScenario(first, ScenarioStatus.FAILED, List.of(),
				List.of(new Failure("Then it pongs", "no pong", null)));
		ConformanceReport afterFirst = read(directory);
		assertThat(afterFirst.state()).isEqualTo(RunState.RUNNING);
		assertThat(afterFirst.scenarios()).singleElement().satisfies(s ->
		{
			assertThat(s.status()).isEqualTo(ScenarioStatus.FAILED);
			assertThat(s.messages()).extracting(Message::label).containsExactly("ping");
			assertThat(s.organizations()).extracting(Organization::identifier)
					.containsExactly("dic.dsf.test", "hrp.dsf.test");
		});

		run.startScenario("Ping", "second, still running");
		run.interrupt();
		ConformanceReport interrupted = read(directory);
		assertThat(interrupted.state()).isEqualTo(RunState.INTERRUPTED);
		assertThat(interrupted.finished()).isNotNull();
		assertThat(interrupted.scenarios()).extracting(ScenarioReport::name, ScenarioReport::status).containsExactly(
				tuple("first", ScenarioStatus.FAILED),
				tuple("second, still running", ScenarioStatus.INTERRUPTED));

		run.finish();
		assertThat(read(directory).state()).isEqualTo(RunState.FINISHED);
		run.interrupt();
		assertThat(read(directory).state()).as("a finished run stays finished").isEqualTo(RunState.FINISHED);
	}

	private static ConformanceReport read(ReportDirectory directory) throws Exception
	{
		try (InputStream in = Files.newInputStream(directory.path().resolve(ReportDirectory.JSON)))
		{
			return ReportJson.read(in);
		}
	}
}
