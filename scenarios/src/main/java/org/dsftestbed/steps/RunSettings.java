package org.dsftestbed.steps;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run of features is given from outside the features: by {@code dsf-testbed run} options, or by system
 * properties when Maven runs the features ({@code dsf.testbed.network}, {@code dsf.testbed.plugins} as a
 * path-separator list of jars and directories, {@code dsf.testbed.shipped-plugins} for the folder of the testbed's own
 * plugins, {@code dsf.testbed.runtime} and {@code dsf.testbed.images} for the runtime, see {@link RuntimeChoice}).
 */
public final class RunSettings
{
	/** The network a scenario gets from {@code Given the network with plugin "…"}. */
	private static volatile String defaultNetwork = System.getProperty("dsf.testbed.network", "tutorial");
	private static volatile Map<String, String> parameters = Map.of();
	private static volatile List<Path> plugins = pathsFromProperty("dsf.testbed.plugins");
	private static volatile RuntimeChoice runtime;

	private RunSettings()
	{
	}

	public static void set(String network, Map<String, String> networkParameters, List<Path> pluginPaths)
	{
		defaultNetwork = network;
		parameters = Map.copyOf(new LinkedHashMap<>(networkParameters));
		plugins = List.copyOf(pluginPaths);
	}

	/** The runtime networks boot on from now on. */
	public static void runtime(RuntimeChoice choice)
	{
		runtime = choice;
	}

	/**
	 * The runtime networks boot on: as set, else from {@code dsf.testbed.runtime}/{@code dsf.testbed.images}, else
	 * embedded.
	 *
	 * @throws IllegalArgumentException
	 *             when the system properties name no runtime
	 */
	public static RuntimeChoice runtime()
	{
		RuntimeChoice choice = runtime;
		return choice != null ? choice
				: RuntimeChoice.of(System.getProperty("dsf.testbed.runtime"), System.getProperty("dsf.testbed.images"));
	}

	public static String defaultNetwork()
	{
		return defaultNetwork;
	}

	public static Map<String, String> parameters()
	{
		return parameters;
	}

	/** Plugins given to the run: known to scenarios by name (see {@link PluginCatalog}). */
	public static List<Path> plugins()
	{
		return plugins;
	}

	/**
	 * Where the testbed's own plugins (e.g. {@code connectivity}) are: {@code dsf.testbed.shipped-plugins}, else the
	 * {@code plugins} folder beside the jar or classes folder the steps were loaded from.
	 */
	public static Path shippedPlugins()
	{
		String property = System.getProperty("dsf.testbed.shipped-plugins");
		if (property != null && !property.isBlank())
			return Path.of(property);
		try
		{
			Path code = Path.of(RunSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path besideJar = code.resolveSibling("plugins");
			return Files.isDirectory(besideJar) ? besideJar : code.resolve("../plugins").normalize();
		}
		catch (URISyntaxException | RuntimeException e)
		{
			return Path.of("plugins");
		}
	}

	private static List<Path> pathsFromProperty(String name)
	{
		String value = System.getProperty(name, "");
		List<Path> paths = new ArrayList<>();
		for (String part : value.split(File.pathSeparator))
			if (!part.isBlank())
				paths.add(Path.of(part.trim()));
		return paths;
	}
}
