package org.dsftestbed.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.OrganizationDefinition;

/**
 * Turns the {@code plugins} entries of an organization definition into plugin sources: a name the runtime knows (e.g.
 * the testbed's own {@code connectivity} plugin), else the path of a jar file or an exploded classes directory,
 * relative to the directory of the network definition's file.
 */
public final class PluginReferences
{
	private PluginReferences()
	{
	}

	/**
	 * @throws IllegalArgumentException
	 *             naming the organization, the entry, the known names and where the path was looked for, when an
	 *             entry is neither
	 */
	public static List<PluginSource> resolve(NetworkDefinition network, OrganizationDefinition organization,
			Map<String, PluginSource> named)
	{
		List<PluginSource> sources = new ArrayList<>();
		for (String entry : organization.plugins())
		{
			PluginSource known = named.get(entry);
			if (known != null)
			{
				sources.add(known);
				continue;
			}
			Path path = baseDirectory(network).resolve(entry).normalize();
			if (Files.isDirectory(path))
				sources.add(PluginSource.directory(path));
			else if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar"))
				sources.add(PluginSource.jar(path));
			else
				throw new IllegalArgumentException(network.source() + ": organization " + organization.identifier()
						+ ": plugin '" + entry + "' is neither a known plugin name (known: "
						+ (named.isEmpty() ? "none" : String.join(", ", new TreeSet<>(named.keySet())))
						+ ") nor an existing .jar file or directory (looked at " + path.toAbsolutePath() + ")");
		}
		return sources;
	}

	private static Path baseDirectory(NetworkDefinition network)
	{
		String source = network.source();
		if (source == null || source.startsWith("preset:"))
			return Path.of("");
		Path parent = Path.of(source).toAbsolutePath().getParent();
		return parent == null ? Path.of("") : parent;
	}
}
