package org.dsftestbed.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.dsftestbed.junit.ContainerTestGate.Decision;
import org.dsftestbed.junit.ContainerTestGate.Outcome;
import org.junit.jupiter.api.Test;

class ContainerTestGateTest
{
	@Test
	void runsWhenDockerIsUsableInCiAndOutside()
	{
		assertThat(ContainerTestGate.decide(true, true, null).outcome()).isEqualTo(Outcome.RUN);
		assertThat(ContainerTestGate.decide(false, true, "ignored").outcome()).isEqualTo(Outcome.RUN);
	}

	@Test
	void skipsWithOneLineSayingWhyOutsideCi()
	{
		Decision decision = ContainerTestGate.decide(false, false, "no Docker socket at /var/run/docker.sock");

		assertThat(decision.outcome()).isEqualTo(Outcome.SKIP);
		assertThat(decision.message()).isEqualTo("SKIPPED container tests: Docker is not usable "
				+ "(no Docker socket at /var/run/docker.sock). Install/start Docker to run them.").doesNotContain("\n");
	}

	@Test
	void failsInCiNamingTheReasonAndTheWayOut()
	{
		Decision decision = ContainerTestGate.decide(true, false, "DOCKER_HOST=tcp://x:2375 does not answer");

		assertThat(decision.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(decision.message()).contains("DOCKER_HOST=tcp://x:2375 does not answer", "CI=true",
				"ci/docker-engine.sh", "DSF_TESTBED_REQUIRE_DOCKER=false");
	}

	@Test
	void missingReasonIsStillAReadableMessage()
	{
		assertThat(ContainerTestGate.decide(false, false, " ").message()).contains("(no reason given)");
		assertThat(ContainerTestGate.decide(true, false, null).message()).contains("(no reason given)");
	}

	@Test
	void missingBaseImageSkipsOrFailsWithTheCommandThatBuildsIt()
	{
		Decision local = ContainerTestGate.decideBaseImage(false, false, "dsf-testbed/jre-base:bookworm",
				"bash ci/base-image.sh");
		Decision ci = ContainerTestGate.decideBaseImage(true, false, "dsf-testbed/jre-base:bookworm",
				"bash ci/base-image.sh");

		assertThat(local.outcome()).isEqualTo(Outcome.SKIP);
		assertThat(local.message()).isEqualTo("SKIPPED container tests: the local base image "
				+ "dsf-testbed/jre-base:bookworm is missing. Build it with `bash ci/base-image.sh` to run them.");
		assertThat(ci.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(ci.message()).contains("dsf-testbed/jre-base:bookworm is missing", "bash ci/base-image.sh",
				"DSF_TESTBED_REQUIRE_DOCKER=false");
		assertThat(ContainerTestGate.decideBaseImage(true, true, "x", "y").outcome()).isEqualTo(Outcome.RUN);
	}

	@Test
	void ciRequiresDocker()
	{
		assertThat(ContainerTestGate.dockerRequired(Map.of("CI", "true"))).isTrue();
		assertThat(ContainerTestGate.dockerRequired(Map.of("CI", "TRUE"))).isTrue();
		assertThat(ContainerTestGate.dockerRequired(Map.of("CI", "1"))).isTrue();
		assertThat(ContainerTestGate.dockerRequired(Map.of("CI", "false"))).isFalse();
		assertThat(ContainerTestGate.dockerRequired(Map.of())).isFalse();
	}

	@Test
	void explicitSettingWinsOverCi()
	{
		assertThat(ContainerTestGate.dockerRequired(Map.of("CI", "true", "DSF_TESTBED_REQUIRE_DOCKER", "false")))
				.isFalse();
		assertThat(ContainerTestGate.dockerRequired(Map.of("DSF_TESTBED_REQUIRE_DOCKER", "true"))).isTrue();
		assertThat(ContainerTestGate.dockerRequired(Map.of("CI", "true", "DSF_TESTBED_REQUIRE_DOCKER", ""))).isTrue();
	}

	@Test
	void missingDsfImagesAreAnExpectedSkipEvenInCi()
	{
		Decision missing = ContainerTestGate.decideDsfImages(List.of("ghcr.io/datasharingframework/fhir:1.9.0",
				"postgres:15"));
		assertThat(missing.outcome()).isEqualTo(Outcome.SKIP);
		assertThat(missing.message()).contains("expected", "ghcr.io/datasharingframework/fhir:1.9.0, postgres:15",
				"docker pull");
		assertThat(ContainerTestGate.decideDsfImages(List.of()).outcome()).isEqualTo(Outcome.RUN);
	}
}
