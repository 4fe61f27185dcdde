package org.dsftestbed.bpe.plugin;

import java.util.Objects;

/**
 * One rule a plugin breaks, where, and what it costs, e.g. {@code ping-1.0.0.0.jar: bpe/ping.bpmn: versionTag '1.1'
 * does not equal resource version '1.0'}.
 *
 * @param source
 *            the plugin source's name (the jar file name)
 * @param file
 *            the plugin file the finding is about (a BPMN or FHIR resource path), {@code null} for the plugin itself
 * @param abortsDsfStartup
 *            whether the real DSF 1.9.0 BPE would not start at all (an exception it does not catch, e.g. an
 *            unresolvable placeholder); the testbed rejects the plugin instead, so that the other plugins and
 *            organizations still run and the report can say why
 */
public record Finding(String source, String file, Rule rule, String message, boolean abortsDsfStartup)
{
	public Finding
	{
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(message, "message");
	}

	/** Whether the plugin is not loaded because of this finding. */
	public boolean rejectsPlugin()
	{
		return abortsDsfStartup || rule.effect() == Rule.Effect.PLUGIN_REJECTED;
	}

	@Override
	public String toString()
	{
		return source + ": " + (file == null ? "" : file + ": ") + message
				+ (abortsDsfStartup ? " (the DSF 1.9.0 BPE would not start at all)" : "");
	}
}
