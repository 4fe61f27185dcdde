package org.dsftestbed.bpe.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The plugins of a BPE plugin directory ({@code DEV_DSF_BPE_PROCESS_PLUGIN_DIRECTORY}) as DSF 1.9.0 picks them: every
 * readable regular file whose name ends in {@code .jar}, not looking into sub-directories. DSF logs and skips all other
 * entries; so does this. Sorted by name, where DSF takes the file system's order, so that runs repeat.
 */
public final class PluginDirectory
{
	private PluginDirectory()
	{
	}

	public static List<PluginSource> jarsIn(Path directory)
	{
		try (Stream<Path> entries = Files.list(directory))
		{
			return entries.filter(Files::isRegularFile).filter(Files::isReadable)
					.filter(p -> p.getFileName().toString().endsWith(".jar"))
					.sorted(Comparator.comparing(p -> p.getFileName().toString())).map(PluginSource::jar).toList();
		}
		catch (IOException e)
		{
			throw new UncheckedIOException("Cannot list the plugin directory " + directory + ": " + e.getMessage(), e);
		}
	}
}
