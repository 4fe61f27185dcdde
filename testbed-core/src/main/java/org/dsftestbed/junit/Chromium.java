package org.dsftestbed.junit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dsftestbed.junit.ContainerTestGate.Decision;

/**
 * Where headless Chromium is, for tests that render the HTML reports: {@value #CHROMIUM_ENV} if set, else Debian's
 * {@code /usr/bin/chromium} (package {@code chromium}, installed by {@code ci/chromium.sh}) or the usual other
 * names.
 */
public final class Chromium
{
	/** Path of the Chromium (or Chrome) executable to use instead of looking in the usual places. */
	public static final String CHROMIUM_ENV = "DSF_TESTBED_CHROMIUM";
	/** {@code true}/{@code false}: require browser tests (fail without Chromium) or not, whatever CI says. */
	public static final String REQUIRE_CHROMIUM_ENV = "DSF_TESTBED_REQUIRE_CHROMIUM";
	public static final String INSTALL_COMMAND = "bash ci/chromium.sh";

	private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
			"/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

	private Chromium()
	{
	}

	/** The executable, if there is one. */
	public static Optional<Path> find(Map<String, String> environment)
	{
		String configured = environment.get(CHROMIUM_ENV);
		if (configured != null && !configured.isBlank())
			return Optional.of(Path.of(configured.strip())).filter(Files::isExecutable);
		return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
	}

	/** {@link ContainerTestGate}'s rule for browser tests. */
	public static Decision decide(boolean required, boolean present)
	{
		return ContainerTestGate.decide("browser tests", REQUIRE_CHROMIUM_ENV, required, present,
				"Chromium is not installed (looked for $" + CHROMIUM_ENV + ", " + String.join(", ", CANDIDATES) + ")",
				"Install it with `" + INSTALL_COMMAND + "` (as root) or `apt-get install chromium` to run them",
				"install it first (" + INSTALL_COMMAND + ", as .ci/run does)");
	}
}
