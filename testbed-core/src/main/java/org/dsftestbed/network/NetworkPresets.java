package org.dsftestbed.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Network definitions shipped with the testbed:
 * <ul>
 * <li>{@code tutorial}: dic.dsf.test, cos.dsf.test, hrp.dsf.test with roles DIC, COS, HRP</li>
 * <li>{@code 3dic-ttp}: Test_DIC_1..3 and Test_TTP with roles DIC and TTP</li>
 * <li>{@code feasibility}: hrp.dsf.test and N DICs (parameter {@code dics}, default 3)</li>
 * </ul>
 *
 * <pre>{@code NetworkDefinition network = NetworkPresets.load("feasibility", Map.of("dics", "10"));}</pre>
 */
public final class NetworkPresets
{
	private static final List<String> NAMES = List.of("tutorial", "3dic-ttp", "feasibility");

	private NetworkPresets()
	{
	}

	public static List<String> names()
	{
		return NAMES;
	}

	public static NetworkDefinition load(String name)
	{
		return load(name, Map.of());
	}

	public static NetworkDefinition load(String name, Map<String, String> parameters)
	{
		if (!NAMES.contains(name))
			throw new NetworkDefinitionException("preset:" + name, 0, 0, null,
					"unknown preset; known: " + String.join(", ", NAMES));
		String resource = "presets/" + name + ".yaml";
		try (InputStream in = NetworkPresets.class.getResourceAsStream(resource))
		{
			if (in == null)
				throw new IllegalStateException("preset resource " + resource + " missing from the testbed jar");
			return NetworkDefinitionReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
					"preset:" + name, name, parameters);
		}
		catch (IOException e)
		{
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A preset name or the path of a YAML file, as users give it on the command line. A path wins when a file of
	 * that name exists.
	 */
	public static NetworkDefinition resolve(String presetOrFile, Map<String, String> parameters)
	{
		Path file = Path.of(presetOrFile);
		if (Files.isRegularFile(file))
			return NetworkDefinitionReader.read(file, parameters);
		if (NAMES.contains(presetOrFile))
			return load(presetOrFile, parameters);
		if (presetOrFile.endsWith(".yaml") || presetOrFile.endsWith(".yml") || presetOrFile.contains("/"))
			throw new NetworkDefinitionException(presetOrFile, 0, 0, null, "file not found");
		throw new NetworkDefinitionException(presetOrFile, 0, 0, null,
				"neither a preset nor a file; presets: " + String.join(", ", NAMES));
	}
}
