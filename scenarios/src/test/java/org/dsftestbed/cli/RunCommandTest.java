package org.dsftestbed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dsf-testbed run}: exit codes, the reports of a run, and unknown steps answered with the known ones. */
class RunCommandTest
{
	@TempDir
	Path folder;

	private record Result(int exitCode, String out, String err)
	{
	}

	private Result run(String... args)
	{
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
		PrintStream originalErr = System.err;
		System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
		try
		{
			int code = DsfTestbed.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
			return new Result(code, out.toString(), err + systemErr.toString(StandardCharsets.UTF_8));
		}
		finally
		{
			System.setErr(originalErr);
		}
	}

	@Test
	void anUnknownNetworkIsBadInput()
	{
		Result result = run("run", "--network", "no-such-network", "--reports", folder.toString());
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("no-such-network");
	}

	@Test
	void anUnknownRuntimeOrImageSetIsBadInput()
	{
		Result images = run("run", "--runtime", "container", "--images", "hapi", "--reports", folder.toString());
		assertThat(images.exitCode()).isEqualTo(2);
		assertThat(images.err()).contains("unknown image set 'hapi'", "simulated, dsf");

		Result unknown = run("run", "--runtime", "kubernetes", "--reports", folder.toString());
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err()).contains("unknown runtime 'kubernetes'", "embedded, container");
		assertThat(folder).isEmptyDirectory();
	}

	@Test
	void aMissingFeatureOrPluginIsBadInput()
	{
		assertThat(run("run", "--reports", folder.toString(), folder.resolve("missing.feature").toString()))
				.satisfies(r -> assertThat(r.exitCode()).isEqualTo(2))
				.satisfies(r -> assertThat(r.err()).contains("missing.feature does not exist"));
		assertThat(run("run", "--reports", folder.toString(), "--plugins", folder.resolve("x.jar").toString()))
				.satisfies(r -> assertThat(r.exitCode()).isEqualTo(2))
				.satisfies(r -> assertThat(r.err()).contains("x.jar does not exist"));
	}

	@Test
	void aFeatureWithAGherkinSyntaxErrorIsBadInputNamingFileAndLine() throws Exception
	{
		Path feature = Files.writeString(folder.resolve("broken.feature"), """
				Feature: broken
				  Scenario: x
				    Given the network "tutorial"
				  Whatever this is
				""");
		Result result = run("run", "--reports", folder.resolve("reports").toString(), folder.toString());
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("broken.feature: (4:3)").contains("got 'Whatever this is'");
		assertThat(folder.resolve("reports")).doesNotExist();
	}

	@Test
	void aPassingFeatureExitsZeroAndLeavesItsReports() throws Exception
	{
		Path feature = Files.writeString(folder.resolve("reach.feature"), """
				Feature: reach
				  Scenario: everyone reaches everyone
				    Given the network "tutorial"
				    Then "dic.dsf.test" can reach "cos.dsf.test"
				""");
		Result result = run("run", "--reports", folder.resolve("reports").toString(), feature.toString());
		assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
		Path runDirectory = onlyRunDirectory(folder.resolve("reports"));
		assertThat(result.out()).contains("Reports: " + runDirectory.toAbsolutePath());
		assertThat(runDirectory.resolve("cucumber.json")).content().contains("everyone reaches everyone");
		assertThat(runDirectory.resolve("junit.xml")).content().contains("testcase");
		assertThat(runDirectory.resolve("cucumber.html")).exists();
		assertThat(runDirectory.resolve("conformance-report.html")).content().contains("everyone reaches everyone");
		assertThat(runDirectory.resolve("conformance-report.json")).content().contains("\"status\" : \"passed\"")
				.contains("dic.dsf.test");
		assertThat(runDirectory.resolve("fhir-test-reports")).isNotEmptyDirectory();
	}

	@Test
	void aFailingScenarioExitsOneAndAnUnknownStepIsAnsweredWithTheKnownSteps() throws Exception
	{
		Path feature = Files.writeString(folder.resolve("unknown.feature"), """
				Feature: unknown
				  Scenario: a step nobody wrote
				    Given the network "tutorial"
				    When "dic.dsf.test" dances
				""");
		Result result = run("run", "--reports", folder.resolve("reports").toString(), feature.toString());
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("unknown.feature:4: unknown step '\"dic.dsf.test\" dances'")
				.contains("Known steps").contains("{string} starts process {string}")
				.contains("time advances by {int} {word}");
		Path runDirectory = onlyRunDirectory(folder.resolve("reports"));
		assertThat(runDirectory.resolve("conformance-report.json")).content().contains("\"status\" : \"undefined\"")
				.contains("dances");
	}

	@Test
	void containerScenariosAreLeftOutOnTheEmbeddedRuntimeAndAContainerStepThereSaysWhatItNeeds() throws Exception
	{
		Path tagged = Files.writeString(folder.resolve("tagged.feature"), """
				@container
				Feature: tagged
				  Scenario: stop a container
				    Given the network "tutorial"
				    When "dic.dsf.test" is stopped
				""");
		Result skipped = run("run", "--reports", folder.resolve("reports-tagged").toString(), tagged.toString());
		assertThat(skipped.exitCode()).as(skipped.out() + skipped.err()).isZero();
		assertThat(skipped.out()).doesNotContain("stop a container");

		Path untagged = Files.writeString(folder.resolve("untagged.feature"), """
				Feature: untagged
				  Scenario: stop a container
				    Given the network "tutorial"
				    When "dic.dsf.test" is stopped
				""");
		Result failed = run("run", "--reports", folder.resolve("reports-untagged").toString(), untagged.toString());
		assertThat(failed.exitCode()).isEqualTo(1);
		assertThat(onlyRunDirectory(folder.resolve("reports-untagged")).resolve("conformance-report.json")).content()
				.contains("this step needs the container runtime").contains("--runtime container");
	}

	private static Path onlyRunDirectory(Path reports) throws Exception
	{
		try (Stream<Path> runs = Files.list(reports))
		{
			return runs.reduce((a, b) ->
			{
				throw new AssertionError("more than one run directory: " + a + ", " + b);
			}).orElseThrow();
		}
	}
}
