package org.dsftestbed.bpe.plugin;

import java.io.IOException;
import java.net.URLClassLoader;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.instance.Process;
import org.dsftestbed.bpe.plugin.BpmnFiles.BpmnFile;
import org.dsftestbed.bpe.plugin.BpmnModelCheck.ValidModel;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dsf.bpe.v1.ProcessPluginDefinition;

/**
 * Loads DSF v1 process plugins for one organization's BPE and checks them as the DSF 1.9.0 BPE does (spec §5.1–5.3),
 * with every check that needs no Spring context. A broken plugin is a {@link RejectedPlugin} with findings that name
 * the file and the rule — never an exception.
 * <p>
 * The BPE's start-up, as the engine runs it:
 *
 * <pre>{@code
 * BpeEnvironment environment = new BpeEnvironment(organizationIdentifier, environmentVariables);
 * PluginLoader loader = new PluginLoader(environment);
 * List<PluginLoadResult> results = new ArrayList<>();
 * for (PluginSource source : PluginDirectory.jarsIn(pluginDirectory))
 * {
 *     PluginLoadResult result = loader.load(source);
 *     if (result instanceof LoadedPlugin plugin)
 *         // the engine's part: the plugin's Spring context from DSF's default configuration and
 *         // plugin.values().springConfigurations(), with plugin.classLoader() and environment.springEnvironment();
 *         // if it fails: plugin.rejectForSpringContext(e), else BeanCheck.apply(plugin, PluginBeans.of(context))
 *         result = withSpringContext(plugin);
 *     results.add(result);
 * }
 * results = DuplicateProcessCheck.apply(results);
 * }</pre>
 *
 * {@link #loadAll(Collection)} does the same without the Spring steps.
 * <p>
 * Each plugin gets its own {@code URLClassLoader}, named like its jar file, whose parent is the testbed's class loader
 * (DSF 1.9.0: the system class loader). It asks the parent first and isolates nothing: a plugin uses the testbed's
 * DSF API, Camunda, HAPI FHIR and Spring classes, and a library it bundles loses to the testbed's copy, as in DSF
 * 1.9.0 (only DSF 2 isolates plugins).
 * <p>
 * Where DSF's BPE would throw and not start at all (an unresolvable placeholder, a file that does not parse, a
 * definition that throws), the testbed rejects just that plugin, with a finding marked
 * {@linkplain Finding#abortsDsfStartup() aborts DSF start-up}, so that the rest of the network runs and the report
 * says what the real BPE would do.
 */
public final class PluginLoader
{
	private static final Logger logger = LoggerFactory.getLogger(PluginLoader.class);

	private final BpeEnvironment environment;
	private final ClassLoader parent;

	/** Plugin class loaders get the testbed's class loader as parent. */
	public PluginLoader(BpeEnvironment environment)
	{
		this(environment, PluginLoader.class.getClassLoader());
	}

	public PluginLoader(BpeEnvironment environment, ClassLoader parent)
	{
		this.environment = Objects.requireNonNull(environment, "environment");
		this.parent = Objects.requireNonNull(parent, "parent");
	}

	/** Loads every source, then rejects plugins that share processes ({@link DuplicateProcessCheck}). */
	public List<PluginLoadResult> loadAll(Collection<PluginSource> sources)
	{
		return DuplicateProcessCheck.apply(sources.stream().map(this::load).toList());
	}

	/** Loads one plugin. A loaded plugin owns an open class loader; a rejected plugin's loader is closed. */
	public PluginLoadResult load(PluginSource source)
	{
		Findings findings = new Findings(source.name());
		PluginLoadResult result = PluginClassLoading.isReadable(source, findings) ? loadReadable(source, findings)
				: new RejectedPlugin(source, findings.list());
		log(result);
		return result;
	}

	private PluginLoadResult loadReadable(PluginSource source, Findings findings)
	{
		URLClassLoader classLoader;
		try
		{
			classLoader = PluginClassLoading.classLoader(source, parent);
		}
		catch (IOException e)
		{
			findings.add(Rule.SOURCE_READABLE, null, "cannot be read: " + e.getMessage());
			return new RejectedPlugin(source, findings.list());
		}

		PluginLoadResult result;
		try
		{
			result = load(source, classLoader, findings);
		}
		catch (RuntimeException | LinkageError e)
		{
			findings.addAbortingDsfStartup(Rule.LOADS_WITHOUT_ERROR, null, "loading throws " + e);
			result = new RejectedPlugin(source, findings.list());
		}
		if (result instanceof RejectedPlugin)
			close(classLoader);
		return result;
	}

	private PluginLoadResult load(PluginSource source, URLClassLoader classLoader, Findings findings)
	{
		Optional<ProcessPluginDefinition> definition = PluginClassLoading.definition(classLoader, findings);
		if (definition.isEmpty())
			return new RejectedPlugin(source, findings.list());
		Optional<DefinitionValues> values = DefinitionCheck.read(definition.get(), findings);
		if (values.isEmpty())
			return new RejectedPlugin(source, findings.list());

		List<PluginProcess> processes = processes(values.get(), classLoader, findings);
		if (findings.rejectsPlugin())
			return new RejectedPlugin(source, findings.list());
		return new LoadedPlugin(source, classLoader, definition.get(), values.get(), processes, findings.list());
	}

	/** The plugin's valid processes; a finding that rejects the plugin if there are none. */
	private List<PluginProcess> processes(DefinitionValues values, ClassLoader classLoader, Findings findings)
	{
		ResourcePlaceholders placeholders = new ResourcePlaceholders(values.resourceVersion(),
				values.resourceReleaseDate(), environment.localOrganizationIdentifier(),
				environment.springEnvironment());
		FhirResourceCheck resourceCheck = new FhirResourceCheck(values.resourceVersion(),
				environment.localOrganizationIdentifier(), findings);
		Map<String, Resource> resources = FhirFiles.read(values, classLoader, placeholders, resourceCheck, findings);
		List<BpmnFile> bpmnFiles = BpmnFiles.read(values.processModels(), classLoader, placeholders, findings);
		if (findings.rejectsPlugin())
			return List.of();

		List<ValidModel> models = bpmnFiles.stream()
				.map(f -> BpmnModelCheck.check(f, values.resourceVersion(), findings)).flatMap(Optional::stream)
				.toList();
		if (models.isEmpty())
		{
			findings.add(Rule.VALID_PROCESS, null, "no valid process model");
			return List.of();
		}
		if (!uniqueProcessIds(models, findings))
			return List.of();

		List<ValidModel> withFields = models.stream().filter(m -> MessageSenderFieldsCheck.check(m, findings)).toList();
		List<PluginProcess> processes = ProcessAssembly.assemble(withFields, processIds(bpmnFiles), values, resources,
				findings);
		if (processes.isEmpty())
			findings.add(Rule.VALID_PROCESS, null, "no valid process");
		processes.forEach(p -> DsfModelAttributes.apply(p.model().getModelElementById(p.id().id())));
		return processes;
	}

	private static Set<String> processIds(List<BpmnFile> bpmnFiles)
	{
		return bpmnFiles.stream().flatMap(f -> f.model().getModelElementsByType(Process.class).stream())
				.map(Process::getId).collect(Collectors.toSet());
	}

	private static boolean uniqueProcessIds(List<ValidModel> models, Findings findings)
	{
		Set<String> seen = new HashSet<>();
		Set<String> reported = new HashSet<>();
		for (ValidModel model : models)
			if (!seen.add(model.id().id()) && reported.add(model.id().id()))
				findings.add(Rule.BPMN_UNIQUE_PROCESS_ID, model.file(),
						"process id '" + model.id().id() + "' is used by more than one process model of the plugin");
		return reported.isEmpty();
	}

	private static void log(PluginLoadResult result)
	{
		if (result instanceof RejectedPlugin)
			logger.warn("Ignoring process plugin {}", result.report());
		else if (!result.findings().isEmpty())
			logger.warn("{}", result.report());
		else
			logger.info("{}", result.report());
	}

	private static void close(URLClassLoader classLoader)
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
