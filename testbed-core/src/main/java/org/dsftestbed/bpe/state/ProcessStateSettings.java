package org.dsftestbed.bpe.state;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.dsftestbed.bpe.plugin.BpeEnvironment;
import org.dsftestbed.bpe.plugin.ProcessIdAndVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes an organization's BPE environment lists as excluded ({@code DEV_DSF_BPE_PROCESS_EXCLUDED}) or retired
 * ({@code DEV_DSF_BPE_PROCESS_RETIRED}).
 * <p>
 * Parsed as DSF 1.9.0's {@code PropertiesConfig} does: the whole value trimmed, then split at a comma with at most one
 * following space, or at a line break (YAML block scalars); blank items are skipped; each item is {@code id|version}
 * split at {@code |} into exactly two parts. Items are <em>not</em> trimmed, so {@code "a|1.0 , b|1.0"} yields the
 * version {@code "1.0 "} that matches no process, and a space alone does not separate items despite DSF's
 * documentation ("comma or space separated"): both are accepted here as in DSF, with a warning in the log.
 */
public record ProcessStateSettings(Set<ProcessIdAndVersion> excluded, Set<ProcessIdAndVersion> retired)
{
	private static final Logger logger = LoggerFactory.getLogger(ProcessStateSettings.class);

	public static final String EXCLUDED_PROPERTY = "dev.dsf.bpe.process.excluded";
	public static final String RETIRED_PROPERTY = "dev.dsf.bpe.process.retired";

	private static final Pattern SEPARATOR = Pattern.compile("(,[ ]?)|(\\n)");

	public ProcessStateSettings
	{
		excluded = Set.copyOf(excluded);
		retired = Set.copyOf(retired);
	}

	public static ProcessStateSettings none()
	{
		return new ProcessStateSettings(Set.of(), Set.of());
	}

	/**
	 * Reads both lists from the environment (variable or property spelling).
	 *
	 * @throws IllegalArgumentException
	 *             naming the variable and the item, if an item is not of the form {@code id|version} (DSF's BPE does not
	 *             start then)
	 */
	public static ProcessStateSettings from(BpeEnvironment environment)
	{
		var spring = environment.springEnvironment();
		return new ProcessStateSettings(parse("DEV_DSF_BPE_PROCESS_EXCLUDED", spring.getProperty(EXCLUDED_PROPERTY, "")),
				parse("DEV_DSF_BPE_PROCESS_RETIRED", spring.getProperty(RETIRED_PROPERTY, "")));
	}

	/** Parses one list as DSF does; {@code variable} only names the list in messages. */
	public static Set<ProcessIdAndVersion> parse(String variable, String value)
	{
		Objects.requireNonNull(variable, "variable");
		Set<ProcessIdAndVersion> processes = new LinkedHashSet<>();
		if (value == null)
			return processes;

		for (String item : SEPARATOR.split(value.trim()))
		{
			if (item.isBlank())
				continue;
			// String.split drops trailing empty parts, as DSF's ProcessIdAndVersion.fromString sees them
			String[] parts = item.split("\\|");
			if (parts.length != 2)
				throw new IllegalArgumentException(variable + ": item '" + item
						+ "' is not of the form <process id>|<version> (items are separated by ',' or ', ' or a line break)");
			if (!item.equals(item.strip()) || Arrays.stream(parts).anyMatch(p -> !p.equals(p.strip())))
				logger.warn("{}: item '{}' contains white space; DSF 1.9.0 keeps it, so the item matches no process",
						variable, item);
			processes.add(new ProcessIdAndVersion(parts[0], parts[1]));
		}
		return processes;
	}
}
