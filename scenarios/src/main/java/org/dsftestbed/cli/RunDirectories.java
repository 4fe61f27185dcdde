package org.dsftestbed.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** {@code reports/<run-id>/}: a run id sorts by start time and is unique among parallel runs. */
final class RunDirectories
{
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private RunDirectories()
	{
	}

	static Path create(Path reports)
	{
		String id = STAMP.format(LocalDateTime.now()) + "-"
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
		try
		{
			return Files.createDirectories(reports.resolve(id));
		}
		catch (IOException e)
		{
			throw new UncheckedIOException("cannot create the run's report folder under " + reports, e);
		}
	}
}
