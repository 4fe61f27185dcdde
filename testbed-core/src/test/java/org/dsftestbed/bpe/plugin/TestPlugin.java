package org.dsftestbed.bpe.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin;

import dev.dsf.bpe.v1.ProcessPluginDefinition;

/**
 * Builds the test plugin as a jar or an exploded directory: the compiled classes of package
 * {@code org.dsftestbed.bpe.plugin.testplugin} (from {@code target/test-classes}), the files under
 * {@code test-plugin/ping/} (at the plugin's root, e.g. {@code bpe/ping.bpmn}) and a service file naming the
 * definition. Tests change one thing before building.
 * <p>
 * The test classes are also on the testbed's class path, which the plugin's class loader asks first (as DSF's does):
 * the plugin's classes are therefore the testbed's copies, while its files (which the class path has only under
 * {@code test-plugin/}) and its service file come from the jar.
 */
final class TestPlugin
{
	static final String SERVICE_FILE = "META-INF/services/" + ProcessPluginDefinition.class.getName();

	private static final String CLASS_DIRECTORY = PingTestPlugin.class.getPackageName().replace('.', '/');
	private static final String FILES = "test-plugin/ping";

	private final Map<String, byte[]> entries = new TreeMap<>();

	private TestPlugin()
	{
	}

	/** The complete, valid plugin ({@link PingTestPlugin}). */
	static TestPlugin ping()
	{
		TestPlugin plugin = new TestPlugin();
		Path testClasses = testClasses();
		plugin.addTree(testClasses.resolve(CLASS_DIRECTORY), CLASS_DIRECTORY);
		plugin.addTree(testClasses.resolve(FILES), "");
		return plugin.definition(PingTestPlugin.class);
	}

	/** Names this definition in the service file. */
	TestPlugin definition(Class<? extends ProcessPluginDefinition> definition)
	{
		return serviceFile(definition.getName());
	}

	TestPlugin serviceFile(String content)
	{
		return put(SERVICE_FILE, content + "\n");
	}

	TestPlugin put(String file, String content)
	{
		entries.put(file, content.getBytes(StandardCharsets.UTF_8));
		return this;
	}

	TestPlugin remove(String file)
	{
		if (entries.remove(file) == null)
			throw new IllegalArgumentException("no file " + file);
		return this;
	}

	/** Replaces text in a file; the text must occur, so that a test cannot silently test nothing. */
	TestPlugin replace(String file, String target, String replacement)
	{
		String content = content(file);
		if (!content.contains(target))
			throw new IllegalArgumentException(file + " does not contain " + target);
		return put(file, content.replace(target, replacement));
	}

	String content(String file)
	{
		byte[] content = entries.get(file);
		if (content == null)
			throw new IllegalArgumentException("no file " + file);
		return new String(content, StandardCharsets.UTF_8);
	}

	/** Writes the plugin as a jar file named {@code fileName} into {@code directory}. */
	Path jar(Path directory, String fileName)
	{
		Path jar = directory.resolve(fileName);
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest))
		{
			for (Map.Entry<String, byte[]> entry : entries.entrySet())
			{
				out.putNextEntry(new JarEntry(entry.getKey()));
				out.write(entry.getValue());
				out.closeEntry();
			}
		}
		catch (IOException e)
		{
			throw new UncheckedIOException(e);
		}
		return jar;
	}

	/** Writes the plugin exploded into a new directory {@code name} in {@code directory}. */
	Path directory(Path directory, String name)
	{
		Path root = directory.resolve(name);
		try
		{
			for (Map.Entry<String, byte[]> entry : entries.entrySet())
			{
				Path file = root.resolve(entry.getKey());
				Files.createDirectories(file.getParent());
				try (OutputStream out = Files.newOutputStream(file))
				{
					out.write(entry.getValue());
				}
			}
		}
		catch (IOException e)
		{
			throw new UncheckedIOException(e);
		}
		return root;
	}

	private void addTree(Path source, String prefix)
	{
		try (Stream<Path> files = Files.walk(source))
		{
			for (Path file : files.filter(Files::isRegularFile).toList())
			{
				String relative = source.relativize(file).toString().replace('\\', '/');
				entries.put(prefix.isEmpty() ? relative : prefix + "/" + relative, Files.readAllBytes(file));
			}
		}
		catch (IOException e)
		{
			throw new UncheckedIOException(e);
		}
	}

	private static Path testClasses()
	{
		try
		{
			return Path.of(PingTestPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException e)
		{
			throw new IllegalStateException(e);
		}
	}
}
