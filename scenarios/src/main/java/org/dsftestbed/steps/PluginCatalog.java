package org.dsftestbed.steps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dsftestbed.bpe.plugin.PluginSource;

/**
 * The plugins a scenario can name: the testbed's own (shipped beside it) and those given to the run. A plugin is known
 * by its file name, without {@code .jar}, without its version, and without a {@code dsf-testbed-}/{@code dsf-process-}
 * prefix: {@code dsf-process-ping-pong-1.0.1.0.jar} is also {@code ping-pong}.
 */
public final class PluginCatalog
{
	private static final Pattern VERSION_SUFFIX = Pattern
			.compile("-\\d+(\\.\\d+)*(-SNAPSHOT|-M\\d+|-RC\\d+)?$");
	private static final Pattern PREFIX = Pattern.compile("^(dsf-testbed-|dsf-process-)");

	private final Map<String, PluginSource> byName = new LinkedHashMap<>();

	PluginCatalog(List<Path> shippedFolders, List<Path> given)
	{
		for (Path folder : shippedFolders)
			jarsIn(folder).forEach(this::add);
		given.forEach(this::add);
	}

	/** The catalog of this run: {@link RunSettings#shippedPlugins()} and {@link RunSettings#plugins()}. */
	public static PluginCatalog ofRun()
	{
		return shippedAnd(RunSettings.plugins());
	}

	/** The testbed's shipped plugins and the given jars or directories. */
	public static PluginCatalog shippedAnd(List<Path> given)
	{
		return new PluginCatalog(List.of(RunSettings.shippedPlugins()), given);
	}

	private static List<Path> jarsIn(Path folder)
	{
		if (!Files.isDirectory(folder))
			return List.of();
		try (Stream<Path> files = Files.list(folder))
		{
			return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
		}
		catch (IOException e)
		{
			throw new IllegalStateException("cannot list plugins in " + folder + ": " + e.getMessage(), e);
		}
	}

	private void add(Path path)
	{
		if (!Files.exists(path))
			throw new IllegalArgumentException("plugin " + path.toAbsolutePath() + " does not exist");
		PluginSource source = Files.isDirectory(path) ? PluginSource.directory(path) : PluginSource.jar(path);
		String fileName = path.getFileName().toString();
		String withoutJar = fileName.endsWith(".jar") ? fileName.substring(0, fileName.length() - 4) : fileName;
		String withoutVersion = VERSION_SUFFIX.matcher(withoutJar).replaceFirst("");
		for (String name : List.of(fileName, withoutJar, withoutVersion,
				PREFIX.matcher(withoutVersion).replaceFirst("")))
			byName.putIfAbsent(name, source);
	}

	/** Every name with its plugin, for the runtime's named plugins. */
	public Map<String, PluginSource> named()
	{
		return Map.copyOf(byName);
	}

	/**
	 * @throws IllegalArgumentException
	 *             listing the known plugin names when none is called so
	 */
	public PluginSource plugin(String name)
	{
		PluginSource source = byName.get(name);
		if (source == null)
			throw new IllegalArgumentException("unknown plugin '" + name + "'; known: "
					+ (byName.isEmpty() ? "none (give plugins with --plugins <jar|dir>)"
							: String.join(", ", new TreeSet<>(byName.keySet()))));
		return source;
	}

	public List<PluginSource> plugins(List<String> names)
	{
		List<PluginSource> sources = new ArrayList<>();
		for (String name : names)
			sources.add(plugin(name));
		return sources;
	}
}
