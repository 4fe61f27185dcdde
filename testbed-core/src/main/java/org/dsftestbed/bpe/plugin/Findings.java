package org.dsftestbed.bpe.plugin;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one plugin source, in the order they are found. */
final class Findings
{
	private final String source;
	private final List<Finding> findings = new ArrayList<>();

	Findings(String source)
	{
		this.source = source;
	}

	void add(Rule rule, String file, String message)
	{
		findings.add(new Finding(source, file, rule, message, false));
	}

	/** A finding on which the real BPE would throw and not start; here it rejects the plugin. */
	void addAbortingDsfStartup(Rule rule, String file, String message)
	{
		findings.add(new Finding(source, file, rule, message, true));
	}

	boolean rejectsPlugin()
	{
		return findings.stream().anyMatch(Finding::rejectsPlugin);
	}

	/** Whether a finding was added since {@code mark} (a value of {@link #size()}). */
	boolean addedSince(int mark)
	{
		return findings.size() > mark;
	}

	int size()
	{
		return findings.size();
	}

	List<Finding> list()
	{
		return List.copyOf(findings);
	}
}
