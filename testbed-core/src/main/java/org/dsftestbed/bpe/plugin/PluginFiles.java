package org.dsftestbed.bpe.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a plugin file (a path such as {@code bpe/ping.bpmn}) through the plugin's class loader, as DSF does. The loader
 * asks its parent first, so a path that also exists on the testbed's class path is read from there (DSF: from the
 * BPE's class path).
 */
final class PluginFiles
{
	private PluginFiles()
	{
	}

	/** The file's text (UTF-8), empty if the class loader has no such resource. */
	static Optional<String> read(ClassLoader classLoader, String file) throws IOException
	{
		try (InputStream in = classLoader.getResourceAsStream(file))
		{
			return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}
}
