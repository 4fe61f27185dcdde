package org.dsftestbed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiCommandTest
{
	@TempDir
	Path dir;

	record Run(int exitCode, String out, String err)
	{
	}

	private static Run run(String... args)
	{
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = DsfTestbed.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
		return new Run(exitCode, out.toString(), err.toString());
	}

	@Test
	void writesThePresetAndPrintsWhatItWrote()
	{
		Path out = dir.resolve("pki");
		Run run = run("pki", "--network", "3dic-ttp", "--out", out.toString());

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).startsWith("Network 3dic-ttp (preset:3dic-ttp): 4 organizations")
				.contains("created  " + out.resolve("organizations/Test_TTP/allow-list-bundle.xml"))
				.contains("Wrote 44 files to " + out + " (0 unchanged).");
		assertThat(out.resolve("organizations/Test_DIC_2/client.p12")).isRegularFile();
	}

	@Test
	void secondRunWritesNothing()
	{
		Path out = dir.resolve("pki");
		run("pki", "--network", "tutorial", "--out", out.toString());

		Run again = run("pki", "--network", "tutorial", "--out", out.toString());

		assertThat(again.exitCode()).isZero();
		assertThat(again.out()).doesNotContain("created").doesNotContain("generating")
				.contains("Wrote 0 files to " + out + " (36 unchanged).");
	}

	@Test
	void parametersReachThePreset()
	{
		Run run = run("pki", "--network", "feasibility", "--param", "dics=5", "--out", dir.toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).startsWith("Network feasibility (preset:feasibility): 6 organizations");
		assertThat(dir.resolve("organizations/dic5.dsf.test/client-certificate.pem")).isRegularFile();
	}

	@Test
	void badYamlGivesOneLineWithFileLineAndFieldAndExitCode2() throws Exception
	{
		Path yaml = Files.writeString(dir.resolve("net.yaml"), """
				organizations:
				  - identifier: a.test
				    roles:
				      nowhere.org: [DIC]
				""");

		Run run = run("pki", "--network", yaml.toString(), "--out", dir.resolve("out").toString());

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).isEqualTo("error: " + yaml
				+ ":4:7: organizations[0].roles.nowhere.org: unknown parent organization 'nowhere.org'; declare it under 'parents'"
				+ System.lineSeparator());
		assertThat(dir.resolve("out")).doesNotExist();
	}

	@Test
	void unknownPresetKeyTypeAndOptionAreBadInput()
	{
		Run preset = run("pki", "--network", "nope", "--out", dir.toString());
		assertThat(preset.exitCode()).isEqualTo(2);
		assertThat(preset.err()).startsWith("error: nope: neither a preset nor a file; presets: tutorial, 3dic-ttp, feasibility");

		Run keyType = run("pki", "--key-type", "dsa", "--out", dir.toString());
		assertThat(keyType.exitCode()).isEqualTo(2);
		assertThat(keyType.err()).startsWith("error: unknown key type 'dsa'; known: rsa-2048, rsa-4096, ec-p256");

		Run option = run("pki", "--out", dir.toString(), "--outt");
		assertThat(option.exitCode()).isEqualTo(2);
		assertThat(option.err()).isEqualTo(
				"error: Unknown option: '--outt' (see dsf-testbed pki --help)" + System.lineSeparator());
	}
}
