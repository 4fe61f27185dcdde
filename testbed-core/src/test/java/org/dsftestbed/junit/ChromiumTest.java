package org.dsftestbed.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.dsftestbed.junit.ContainerTestGate.Decision;
import org.dsftestbed.junit.ContainerTestGate.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate for browser tests: the container tests' rule with its own words and override variable. */
class ChromiumTest
{
	@Test
	void missingChromiumSkipsLocallyAndFailsInCi()
	{
		Decision local = Chromium.decide(false, false);
		Decision ci = Chromium.decide(true, false);

		assertThat(local.outcome()).isEqualTo(Outcome.SKIP);
		assertThat(local.message()).startsWith("SKIPPED browser tests: Chromium is not installed")
				.contains("bash ci/chromium.sh");
		assertThat(ci.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(ci.message()).startsWith("Browser tests cannot run: Chromium is not installed")
				.contains("DSF_TESTBED_REQUIRE_CHROMIUM=false");
		assertThat(Chromium.decide(true, true).outcome()).isEqualTo(Outcome.RUN);
	}

	@Test
	void ciRequiresBrowserTestsUnlessTheirOwnVariableSaysOtherwise()
	{
		assertThat(ContainerTestGate.required(Map.of("CI", "true"), Chromium.REQUIRE_CHROMIUM_ENV)).isTrue();
		assertThat(ContainerTestGate.required(Map.of("CI", "true", "DSF_TESTBED_REQUIRE_CHROMIUM", "false"),
				Chromium.REQUIRE_CHROMIUM_ENV)).isFalse();
		assertThat(ContainerTestGate.required(Map.of("CI", "true", "DSF_TESTBED_REQUIRE_DOCKER", "false"),
				Chromium.REQUIRE_CHROMIUM_ENV)).as("Docker's override is not Chromium's").isTrue();
	}

	@Test
	void configuredExecutableWinsAndMustExist(@TempDir Path dir) throws Exception
	{
		Path fake = Files.createFile(dir.resolve("chrome"));
		assertThat(Chromium.find(Map.of(Chromium.CHROMIUM_ENV, fake.toString()))).as("not executable").isEmpty();
		assertThat(fake.toFile().setExecutable(true)).isTrue();
		assertThat(Chromium.find(Map.of(Chromium.CHROMIUM_ENV, fake.toString()))).contains(fake);
	}
}
