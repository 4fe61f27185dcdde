package org.dsftestbed.junit;

import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rule for container tests when Docker is missing: skip them on a developer's machine (with one visible line
 * saying why), fail them in CI, where skipping would hide that nothing was tested. The same rule gates other tests
 * that need a tool from outside Maven, e.g. browser tests without Chromium ({@link RequiresChromiumCondition}),
 * through {@link #decide(String, String, boolean, boolean, String, String, String)} and {@link #required(Map, String)}.
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
	 * The dsf image set's tests need DSF's images, which cannot be pulled where this project builds (no ghcr.io, no
	 * Docker Hub). Their absence is therefore an <em>expected</em> skip, in CI too: neither {@code CI=true} nor
	 * {@value #REQUIRE_DOCKER_ENV} turns it into a failure (a missing Docker engine still fails in CI, through
	 * {@link #decide(boolean, boolean, String)}).
	 *
	 * @param missingImages
	 *            the images of the set not present locally
	 * @return run when none is missing, otherwise skip with one line naming the missing images
	 */
	public static Decision decideDsfImages(List<String> missingImages)
	{
		if (missingImages.isEmpty())
			return new Decision(Outcome.RUN, "the dsf image set is present locally");
		return new Decision(Outcome.SKIP, "Skipping the dsf image set's tests (expected where the images cannot be "
				+ "pulled): not present locally: " + String.join(", ", missingImages)
				+ ". Pull them where their registry is reachable (docker pull <image>) to run them.");
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
		return decide("container tests", REQUIRE_DOCKER_ENV, required, false, problem, localRemedy, ciRemedy);
	}

	/**
	 * The rule for any group of tests that needs something outside Maven.
	 *
	 * @param tests
	 *            what the tests are, lower case, e.g. {@code "browser tests"}
	 * @param overrideEnv
	 *            the environment variable that requires ({@code true}) or excuses ({@code false}) them
	 * @param required
	 *            from {@link #required(Map, String)}
	 * @param satisfied
	 *            whether what they need is there
	 * @param problem
	 *            what is missing, e.g. {@code "Chromium is not installed"}
	 * @param localRemedy
	 *            how a developer gets it, a sentence without its final period
	 * @param ciRemedy
	 *            what CI should have done, a clause
	 */
	public static Decision decide(String tests, String overrideEnv, boolean required, boolean satisfied,
			String problem, String localRemedy, String ciRemedy)
	{
		if (satisfied)
			return new Decision(Outcome.RUN, tests + " can run");
		if (required)
			return new Decision(Outcome.FAIL, Character.toUpperCase(tests.charAt(0)) + tests.substring(1)
					+ " cannot run: " + problem + ". In CI (" + CI_ENV + "=true) they must not be skipped: " + ciRemedy
					+ ", or set " + overrideEnv + "=false to skip them.");
		return new Decision(Outcome.SKIP, "SKIPPED " + tests + ": " + problem + ". " + localRemedy + ".");
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
	public static boolean dockerRequired(Map<String, String> environment)
	{
		return required(environment, REQUIRE_DOCKER_ENV);
	}

	/**
	 * @param environment
	 *            e.g. {@link System#getenv()}
	 * @param overrideEnv
	 *            the variable that decides for these tests when set
	 * @return {@code true} when {@code overrideEnv} says so, or when it is unset and {@value #CI_ENV} is {@code true},
	 *         {@code 1} or {@code yes}
	 */
	public static boolean required(Map<String, String> environment, String overrideEnv)
	{
		String explicit = environment.get(overrideEnv);
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
