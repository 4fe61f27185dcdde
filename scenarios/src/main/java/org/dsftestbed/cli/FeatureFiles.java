package org.dsftestbed.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;

/**
 * Checks feature files before a run, so that a Gherkin syntax error is bad input (one line naming file, line and
 * column) rather than a failed run.
 */
final class FeatureFiles
{
	private FeatureFiles()
	{
	}

	/** The syntax errors of every {@code *.feature} file at or under the paths, as {@code <file>:<message>} lines. */
	static List<String> syntaxErrors(List<Path> paths)
	{
		GherkinParser parser = GherkinParser.builder().includeSource(false).includePickles(false)
				.includeGherkinDocument(false).build();
		List<String> errors = new ArrayList<>();
		for (Path feature : featureFiles(paths))
			try (Stream<Envelope> envelopes = parser.parse(feature))
			{
				envelopes.forEach(e -> e.getParseError()
						.ifPresent(error -> errors.add(feature + ": " + error.getMessage())));
			}
			catch (IOException e)
			{
				errors.add(feature + ": cannot be read: " + e.getMessage());
			}
		return errors;
	}

	private static List<Path> featureFiles(List<Path> paths)
	{
		List<Path> files = new ArrayList<>();
		for (Path path : paths)
			if (Files.isDirectory(path))
				try (Stream<Path> tree = Files.walk(path))
				{
					tree.filter(p -> p.getFileName().toString().endsWith(".feature")).sorted().forEach(files::add);
				}
				catch (IOException e)
				{
					throw new UncheckedIOException("cannot list features in " + path, e);
				}
			else
				files.add(path);
		return files;
	}
}
