package org.dsftestbed.conformance.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.dsftestbed.junit.Chromium;

/** Runs headless Chromium on a local file: the DOM it built, or a screenshot. A fresh profile each time. */
final class HeadlessChromium
{
	private static final long TIMEOUT_SECONDS = 90;

	private final Path executable;
	private final Path workDir;

	HeadlessChromium(Path workDir)
	{
		this.executable = Chromium.find(System.getenv())
				.orElseThrow(() -> new IllegalStateException("no Chromium (the test should be @RequiresChromium)"));
		this.workDir = workDir;
	}

	String dumpDom(Path page) throws IOException, InterruptedException
	{
		Path out = workDir.resolve("dom.html");
		run(out, "--dump-dom", page.toUri().toString());
		return Files.readString(out, StandardCharsets.UTF_8);
	}

	Path screenshot(Path page, int width, int height) throws IOException, InterruptedException
	{
		Path png = workDir.resolve("screenshot.png");
		run(workDir.resolve("screenshot.log"), "--window-size=" + width + "," + height,
				"--screenshot=" + png.toAbsolutePath(), page.toUri().toString());
		return png;
	}

	private void run(Path stdout, String... arguments) throws IOException, InterruptedException
	{
		List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
				"--disable-gpu", "--no-first-run", "--user-data-dir=" + Files.createTempDirectory(workDir, "profile")));
		command.addAll(List.of(arguments));
		Path stderr = workDir.resolve("chromium.err");
		Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
				.start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
		{
			process.destroyForcibly();
			throw new IllegalStateException("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
		}
		if (process.exitValue() != 0)
			throw new IllegalStateException("Chromium exited with " + process.exitValue() + ": " + command + "\n"
					+ Files.readString(stderr));
	}
}
