package org.dsftestbed.runtime.container.dsf;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one DSF container (FHIR server or BPE) gets from outside: its environment, and files by absolute path inside
 * the container. Secrets are files under {@value #SECRETS} named by {@code *_FILE} variables, as DSF's Docker secrets
 * reader expects (only the first line counts).
 *
 * @param environment
 *            variable name to value
 * @param files
 *            absolute path inside the container to text content
 */
public record DsfContainerInput(Map<String, String> environment, Map<String, String> files)
{
	/** Where Docker secrets are mounted, and where this testbed puts every secret file. */
	public static final String SECRETS = "/run/secrets/";

	public DsfContainerInput
	{
		environment = Map.copyOf(environment);
		files = Map.copyOf(files);
	}

	/** Collects variables and files; {@link #secret} writes a secret file and names it with {@code <variable>_FILE}. */
	static final class Builder
	{
		private final Map<String, String> environment = new LinkedHashMap<>();
		private final Map<String, String> files = new LinkedHashMap<>();

		Builder variable(String name, String value)
		{
			environment.put(name, value);
			return this;
		}

		/** A file, and the variable that names its path. */
		Builder file(String variable, String path, String content)
		{
			files.put(path, content);
			return variable(variable, path);
		}

		/** A secret value as a file under {@value DsfContainerInput#SECRETS}, named by {@code <variable>_FILE}. */
		Builder secret(String variable, String fileName, String value)
		{
			return file(variable + "_FILE", SECRETS + fileName, value + "\n");
		}

		boolean has(String variable)
		{
			return environment.containsKey(variable);
		}

		Builder variables(Map<String, String> more)
		{
			environment.putAll(more);
			return this;
		}

		DsfContainerInput build()
		{
			return new DsfContainerInput(environment, files);
		}
	}
}
