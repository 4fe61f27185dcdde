package org.dsftestbed.bpe.plugin;

import java.util.List;

/**
 * A plugin the BPE does not run. Its class loader is closed.
 *
 * @param findings
 *            all findings, the reasons among them ({@link #reasons()})
 */
public record RejectedPlugin(PluginSource source, List<Finding> findings) implements PluginLoadResult
{
	public RejectedPlugin
	{
		findings = List.copyOf(findings);
	}

	/** The findings that reject the plugin. */
	public List<Finding> reasons()
	{
		return findings.stream().filter(Finding::rejectsPlugin).toList();
	}

	@Override
	public String outcome()
	{
		return source.name() + ": rejected";
	}
}
