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

	/**
	 * The file's text, or empty with a finding under {@code rule} when it is missing or unreadable.
	 *
	 * @param what
	 *            what the file is, for the finding, e.g. "process model"
	 */
	static Optional<String> read(ClassLoader classLoader, String file, Findings findings, Rule rule, String what)
	{
		try
		{
			Optional<String> content = read(classLoader, file);
			if (content.isEmpty())
				findings.add(rule, file, what + " not found in the plugin");
			return content;
		}
		catch (IOException e)
		{
			findings.add(rule, file, what + " cannot be read: " + e.getMessage());
			return Optional.empty();
		}
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
