package org.dsftestbed.bpe.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.ServiceLoader.Provider;
import java.util.zip.ZipFile;

import dev.dsf.bpe.v1.ProcessPluginDefinition;

/**
 * How the BPE finds a plugin's code (spec §5.1): one {@link URLClassLoader} per jar, named like the jar file, whose
 * parent is the testbed's class loader, and exactly one {@code ProcessPluginDefinition} provider found by the
 * {@link ServiceLoader} through {@code META-INF/services/dev.dsf.bpe.v1.ProcessPluginDefinition}.
 * <p>
 * As in DSF 1.9.0 (parent: the system class loader) the loader asks its parent first and does not isolate plugins: a
 * plugin sees and uses the testbed's DSF API, Camunda, HAPI FHIR, Spring and Jackson classes, and a class it bundles
 * that the testbed also has is loaded from the testbed. Plugins must therefore not bundle those libraries (DSF 2
 * introduced an isolating class loader; 1.9.0 has none). The service lookup sees the parent's service files too: a
 * plugin jar put on the testbed's own class path would be seen by every plugin's lookup and make each find two
 * definitions.
 */
final class PluginClassLoading
{
	private PluginClassLoading()
	{
	}

	/**
	 * Whether the source can be read as a plugin at all: an existing readable directory, or a readable zip (jar) file.
	 * DSF reports a jar that is no zip file as having no plugin definition; here the finding says what is wrong.
	 */
	static boolean isReadable(PluginSource source, Findings findings)
	{
		if (!Files.isReadable(source.location()))
			findings.add(Rule.SOURCE_READABLE, null, source.location() + " does not exist or is not readable");
		else if (source.directory() != Files.isDirectory(source.location()))
			findings.add(Rule.SOURCE_READABLE, null, source.location()
					+ (source.directory() ? " is not a directory" : " is a directory, not a jar file"));
		else if (!source.directory())
			checkZip(source, findings);
		return !findings.rejectsPlugin();
	}

	private static void checkZip(PluginSource source, Findings findings)
	{
		try (ZipFile zip = new ZipFile(source.location().toFile()))
		{
			// readable
		}
		catch (IOException e)
		{
			findings.add(Rule.SOURCE_READABLE, null, "not a jar (zip) file: " + e.getMessage());
		}
	}

	static URLClassLoader classLoader(PluginSource source, ClassLoader parent) throws IOException
	{
		return new URLClassLoader(source.name(), new URL[] { source.url() }, parent);
	}

	/** The plugin's one definition, instantiated; empty with a finding if there is none, several, or it fails. */
	static Optional<ProcessPluginDefinition> definition(URLClassLoader classLoader, Findings findings)
	{
		List<Provider<ProcessPluginDefinition>> providers;
		try
		{
			providers = ServiceLoader.load(ProcessPluginDefinition.class, classLoader).stream().toList();
		}
		catch (ServiceConfigurationError e)
		{
			// an Error DSF does not catch: its BPE would not start
			findings.addAbortingDsfStartup(Rule.DEFINITION_INSTANTIABLE, null, e.getMessage());
			return Optional.empty();
		}

		if (providers.size() != 1)
		{
			findings.add(Rule.SINGLE_DEFINITION, null, "found " + providers.size() + " providers of "
					+ ProcessPluginDefinition.class.getName() + " in META-INF/services, expected exactly 1"
					+ (providers.isEmpty() ? "" : ": " + providers.stream().map(p -> p.type().getName()).toList()));
			return Optional.empty();
		}

		try
		{
			return Optional.of(providers.get(0).get());
		}
		catch (ServiceConfigurationError | LinkageError e)
		{
			findings.addAbortingDsfStartup(Rule.DEFINITION_INSTANTIABLE, null,
					e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause()));
			return Optional.empty();
		}
	}
}
