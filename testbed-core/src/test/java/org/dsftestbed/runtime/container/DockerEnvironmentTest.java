package org.dsftestbed.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The failure description, without Docker: {@code reasonFor} is a pure function. */
class DockerEnvironmentTest
{
	private static final IllegalStateException TESTCONTAINERS_FAILURE = new IllegalStateException(
			"Could not find a valid Docker environment. Please see logs and check configuration");

	@Test
	void namesTheMissingSocket()
	{
		assertThat(DockerEnvironment.reasonFor(TESTCONTAINERS_FAILURE, null, false, null))
				.startsWith("no Docker socket at /var/run/docker.sock and DOCKER_HOST is not set; Testcontainers: "
						+ "Could not find a valid Docker environment");
	}

	@Test
	void namesDockerHostWhenSet()
	{
		assertThat(DockerEnvironment.reasonFor(TESTCONTAINERS_FAILURE, "tcp://docker:2375", false, null))
				.startsWith("DOCKER_HOST=tcp://docker:2375 does not answer;");
	}

	@Test
	void socketThatExistsButFails()
	{
		assertThat(DockerEnvironment.reasonFor(new RuntimeException("Permission denied"), "", true, null))
				.isEqualTo("/var/run/docker.sock exists but Docker cannot be used through it; "
						+ "Testcontainers: Permission denied");
	}

	@Test
	void keepsCausesOnOneLineWithoutRepeats()
	{
		RuntimeException failure = new RuntimeException("outer\nwith a second line",
				new RuntimeException("inner", new RuntimeException("inner")));

		assertThat(DockerEnvironment.reasonFor(failure, null, true, null)).endsWith("Testcontainers: outer: inner")
				.doesNotContain("\n");
	}

	@Test
	void suggestsDisablingRyukWhenItsImageIsTheProblem()
	{
		RuntimeException ryuk = new RuntimeException("Can't get Docker image: RemoteDockerImage(imageName=testcontainers/ryuk:0.12.0)");

		assertThat(DockerEnvironment.reasonFor(ryuk, null, true, null)).endsWith("set TESTCONTAINERS_RYUK_DISABLED=true");
		assertThat(DockerEnvironment.reasonFor(ryuk, null, true, "true")).doesNotContain("TESTCONTAINERS_RYUK_DISABLED");
	}

	@Test
	void staysShort()
	{
		assertThat(DockerEnvironment.reasonFor(new RuntimeException("x".repeat(2000)), null, true, null))
				.hasSizeLessThanOrEqualTo(400).endsWith("...");
	}
}
