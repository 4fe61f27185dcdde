package org.dsftestbed.bpe.plugin;

import java.io.IOException;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.Resource;

import dev.dsf.bpe.v1.ProcessPluginDefinition;

/**
 * A plugin that passed every check that needs no Spring context: ready for its Spring context, the
 * {@linkplain BeanCheck bean check}, the {@linkplain DuplicateProcessCheck check across plugins} and then deployment.
 *
 * @param classLoader
 *            the plugin's own loader, named like the source; owned by this plugin ({@link #close()})
 * @param definition
 *            the plugin's {@code ProcessPluginDefinition} instance
 * @param values
 *            what the definition returned, read once
 * @param processes
 *            the valid processes, in the order of {@code getProcessModels()}
 * @param findings
 *            the files and processes left out, with the rule each broke
 */
public record LoadedPlugin(PluginSource source, URLClassLoader classLoader, ProcessPluginDefinition definition,
		DefinitionValues values, List<PluginProcess> processes, List<Finding> findings)
		implements PluginLoadResult, AutoCloseable
{
	public LoadedPlugin
	{
		processes = List.copyOf(processes);
		findings = List.copyOf(findings);
	}

	public String name()
	{
		return values.name();
	}

	public String version()
	{
		return values.version();
	}

	public String resourceVersion()
	{
		return values.resourceVersion();
	}

	public boolean draft()
	{
		return source.draft();
	}

	public List<ProcessIdAndVersion> processIds()
	{
		return processes.stream().map(PluginProcess::id).toList();
	}

	/** The FHIR resources to upload per process, as DSF's FHIR resource handler takes them. */
	public Map<ProcessIdAndVersion, List<Resource>> fhirResources()
	{
		Map<ProcessIdAndVersion, List<Resource>> byProcess = new LinkedHashMap<>();
		processes.forEach(p -> byProcess.put(p.id(),
				p.fhirResources().stream().map(FhirResourceFile::resource).toList()));
		return byProcess;
	}

	/** This plugin with fewer processes, and the findings that removed the others. */
	LoadedPlugin withProcesses(List<PluginProcess> remaining, List<Finding> moreFindings)
	{
		return new LoadedPlugin(source, classLoader, definition, values, remaining, concat(findings, moreFindings));
	}

	/**
	 * Rejects this plugin because its Spring context did not start (DSF: "Unable to initialize spring context"); closes
	 * its class loader. For the engine, which creates the context.
	 */
	public RejectedPlugin rejectForSpringContext(Throwable failure)
	{
		return reject(List.of(new Finding(source.name(), null, Rule.SPRING_CONTEXT, "Spring context cannot be created: "
				+ failure.getClass().getName() + " - " + failure.getMessage(), false)));
	}

	/** Rejects this plugin: closes its class loader. */
	RejectedPlugin reject(List<Finding> moreFindings)
	{
		close();
		return new RejectedPlugin(source, concat(findings, moreFindings));
	}

	private static List<Finding> concat(List<Finding> a, List<Finding> b)
	{
		List<Finding> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	@Override
	public String outcome()
	{
		return source.name() + ": loaded " + name() + " " + version() + (draft() ? " (draft)" : "")
				+ " with processes " + processIds();
	}

	/** Closes the class loader (the jar file). The plugin's classes must not be used afterwards. */
	@Override
	public void close()
	{
		try
		{
			classLoader.close();
		}
		catch (IOException e)
		{
			// nothing to recover: the jar file stays open until the JVM ends
		}
	}
}
