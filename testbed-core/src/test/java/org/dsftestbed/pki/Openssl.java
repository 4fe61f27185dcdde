package org.dsftestbed.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the openssl command line tool, the independent judge of the certificates the testbed makes. */
final class Openssl
{
	record Result(int exitCode, String output)
	{
	}

	private Openssl()
	{
	}

	static Result run(String... arguments) throws IOException, InterruptedException
	{
		List<String> command = new ArrayList<>();
		command.add("openssl");
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		if (!process.waitFor(60, TimeUnit.SECONDS))
		{
			process.destroyForcibly();
			throw new IOException("openssl did not finish: " + command);
		}
		return new Result(process.exitValue(),
				new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
	}
}
