package org.dsftestbed.bpe.plugin;

import java.util.Objects;

/**
 * A process as the BPE identifies it: the BPMN process id (the Camunda process definition key, e.g.
 * {@code dsfdev_ping}) and its {@code camunda:versionTag}, which equals the plugin's resource version (e.g.
 * {@code 1.0}). Written {@code id|version} as in DSF's logs and its {@code DEV_DSF_BPE_PROCESS_EXCLUDED} lists.
 */
public record ProcessIdAndVersion(String id, String version) implements Comparable<ProcessIdAndVersion>
{
	public ProcessIdAndVersion
	{
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(version, "version");
	}

	/** Parses {@code id|version}. */
	public static ProcessIdAndVersion parse(String idAndVersion)
	{
		String[] parts = idAndVersion.split("\\|", -1);
		if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank())
			throw new IllegalArgumentException("'" + idAndVersion + "' is not of the form <process id>|<version>");
		return new ProcessIdAndVersion(parts[0], parts[1]);
	}

	@Override
	public int compareTo(ProcessIdAndVersion other)
	{
		int byId = id.compareTo(other.id);
		return byId != 0 ? byId : version.compareTo(other.version);
	}

	@Override
	public String toString()
	{
		return id + "|" + version;
	}
}
