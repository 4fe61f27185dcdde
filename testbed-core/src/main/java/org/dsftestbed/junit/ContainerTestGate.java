package org.dsftestbed.junit;

import java.util.Locale;
import java.util.Objects;

/**
 * The rule for container tests when Docker is missing: skip them on a developer's machine (with one visible line
 * saying why), fail them in CI, where skipping would hide that nothing was tested.
 * <p>
 * A pure function of its inputs, so the rule is tested without Docker; {@link RequiresDockerCondition} feeds it.
 *
 * <pre>{@code
 * Decision d = ContainerTestGate.decide(ContainerTestGate.dockerRequired(System.getenv()), false, "no Docker socket");
 * }</pre>
 */
public final class ContainerTestGate
{
	/** Set to {@code true}/{@code false} to require Docker (fail without it) or not (skip without it), whatever CI says. */
	public static final String REQUIRE_DOCKER_ENV = "DSF_TESTBED_REQUIRE_DOCKER";

	/** Set by CI systems (GitHub Actions, GitLab CI, this project's .ci/run) to {@code true}. */
	public static final String CI_ENV = "CI";

	public enum Outcome
	{
		RUN, SKIP, FAIL
	}

	/**
	 * @param outcome
	 *            what to do with the container tests
	 * @param message
	 *            the one line to show: why they are skipped or fail; for {@link Outcome#RUN} a short note
	 */
	public record Decision(Outcome outcome, String message)
	{
		public Decision
		{
			Objects.requireNonNull(outcome, "outcome");
			Objects.requireNonNull(message, "message");
		}
	}

	private ContainerTestGate()
	{
	}

	/**
	 * @param dockerRequired
	 *            {@code true} in CI (see {@link #dockerRequired(java.util.Map)}): a missing Docker fails the tests
	 * @param dockerUsable
	 *            whether Docker can be used
	 * @param reason
	 *            why Docker can't be used (ignored when it can)
	 * @return run, skip or fail, with the line to print
	 */
	public static Decision decide(boolean dockerRequired, boolean dockerUsable, String reason)
	{
		return decide(dockerRequired, dockerUsable, "Docker is not usable (" + orDefault(reason) + ")",
				"Install/start Docker to run them",
				"install and start a Docker engine first (bash ci/docker-engine.sh, as .ci/run does)");
	}

	/**
	 * The same rule for the local base image that {@code @RequiresDocker(baseImage = true)} tests need, once Docker
	 * itself is usable.
	 *
	 * @param dockerRequired
	 *            {@code true} in CI
	 * @param imagePresent
	 *            whether the Docker engine has the image
	 * @param image
	 *            its name
	 * @param buildCommand
	 *            the command that builds it
	 * @return run, skip or fail, with the line to print
	 */
	public static Decision decideBaseImage(boolean dockerRequired, boolean imagePresent, String image,
			String buildCommand)
	{
		return decide(dockerRequired, imagePresent, "the local base image " + image + " is missing",
				"Build it with `" + buildCommand + "` to run them",
				"build it first (" + buildCommand + ", as .ci/run does)");
	}

	private static Decision decide(boolean required, boolean satisfied, String problem, String localRemedy,
			String ciRemedy)
	{
		if (satisfied)
			return new Decision(Outcome.RUN, "Docker is available");
		if (required)
			return new Decision(Outcome.FAIL, "Container tests cannot run: " + problem + ". In CI (" + CI_ENV
					+ "=true) they must not be skipped: " + ciRemedy + ", or set " + REQUIRE_DOCKER_ENV
					+ "=false to skip them.");
		return new Decision(Outcome.SKIP, "SKIPPED container tests: " + problem + ". " + localRemedy + ".");
	}

	private static String orDefault(String reason)
	{
		return reason == null || reason.isBlank() ? "no reason given" : reason.strip();
	}

	/**
	 * @param environment
	 *            e.g. {@link System#getenv()}
	 * @return {@code true} when {@value #REQUIRE_DOCKER_ENV} says so, or when it is unset and {@value #CI_ENV} is
	 *         {@code true}, {@code 1} or {@code yes}
	 */
	public static boolean dockerRequired(java.util.Map<String, String> environment)
	{
		String explicit = environment.get(REQUIRE_DOCKER_ENV);
		if (explicit != null && !explicit.isBlank())
			return isTrue(explicit);
		return isTrue(environment.get(CI_ENV));
	}

	private static boolean isTrue(String value)
	{
		if (value == null)
			return false;
		return switch (value.strip().toLowerCase(Locale.ROOT))
		{
			case "true", "1", "yes" -> true;
			default -> false;
		};
	}
}
