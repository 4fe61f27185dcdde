package org.dsftestbed.bpe.plugin;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What loading one plugin source gave: a {@link LoadedPlugin} or a {@link RejectedPlugin}, each with the findings
 * that led there.
 */
public sealed interface PluginLoadResult permits LoadedPlugin, RejectedPlugin
{
	PluginSource source();

	/**
	 * Every rule the plugin breaks: for a loaded plugin the files and processes that were left out of it, for a
	 * rejected one also the reasons.
	 */
	List<Finding> findings();

	/** One line on the outcome. */
	String outcome();

	/** {@link #outcome()}, then one indented line per finding. */
	default String report()
	{
		return findings().stream().map(f -> "\n  " + f).collect(Collectors.joining("", outcome(), ""));
	}
}
