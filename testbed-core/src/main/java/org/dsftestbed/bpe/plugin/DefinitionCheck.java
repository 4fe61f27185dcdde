package org.dsftestbed.bpe.plugin;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Configuration;

import dev.dsf.bpe.v1.ProcessPluginDefinition;

/**
 * Reads a plugin's {@code ProcessPluginDefinition} once and checks its values as DSF 1.9.0 does before it reads any
 * file: name not blank, version {@code \d+\.\d+\.\d+\.\d+}, resource version {@code \d+\.\d+}, release dates set,
 * non-empty process models, FHIR resources and Spring configurations, all of those annotated {@code @Configuration}.
 * Every value is checked before deciding, so that one report names all problems. Any problem rejects the plugin.
 */
final class DefinitionCheck
{
	private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
	private static final Pattern RESOURCE_VERSION = Pattern.compile("\\d+\\.\\d+");

	private final Findings findings;

	private DefinitionCheck(Findings findings)
	{
		this.findings = findings;
	}

	/** The definition's values, empty if a method throws or a value breaks a rule (see the findings). */
	static Optional<DefinitionValues> read(ProcessPluginDefinition definition, Findings findings)
	{
		return new DefinitionCheck(findings).read(definition);
	}

	private Optional<DefinitionValues> read(ProcessPluginDefinition definition)
	{
		int mark = findings.size();

		String name = call("getName", definition::getName);
		String version = call("getVersion", definition::getVersion);
		String resourceVersion = call("getResourceVersion", definition::getResourceVersion);
		LocalDate releaseDate = call("getReleaseDate", definition::getReleaseDate);
		LocalDate resourceReleaseDate = call("getResourceReleaseDate", definition::getResourceReleaseDate);
		List<Class<?>> springConfigurations = call("getSpringConfigurations", definition::getSpringConfigurations);
		Map<String, List<String>> fhirResources = call("getFhirResourcesByProcessId",
				definition::getFhirResourcesByProcessId);
		List<String> processModels = call("getProcessModels", definition::getProcessModels);
		if (findings.addedSince(mark))
			return Optional.empty();

		checkName(name);
		checkPattern(Rule.VERSION, "getVersion()", version, VERSION);
		checkPattern(Rule.RESOURCE_VERSION, "getResourceVersion()", resourceVersion, RESOURCE_VERSION);
		checkNotNull(Rule.RELEASE_DATE, "getReleaseDate()", releaseDate);
		checkNotNull(Rule.RESOURCE_RELEASE_DATE, "getResourceReleaseDate()", resourceReleaseDate);
		checkSpringConfigurations(springConfigurations);
		checkFhirResources(fhirResources);
		checkNotEmpty(Rule.PROCESS_MODELS, "getProcessModels()", processModels);
		if (findings.addedSince(mark))
			return Optional.empty();

		return Optional.of(new DefinitionValues(name, version, resourceVersion, releaseDate, resourceReleaseDate,
				List.copyOf(processModels), sorted(fhirResources), List.copyOf(springConfigurations)));
	}

	/**
	 * Calls a definition method. DSF does not catch what a definition throws: its BPE would not start.
	 */
	private <T> T call(String method, Supplier<T> getter)
	{
		try
		{
			return getter.get();
		}
		catch (RuntimeException | LinkageError e)
		{
			findings.addAbortingDsfStartup(Rule.DEFINITION_CALLABLE, null,
					method + "() throws " + e.getClass().getName() + ": " + e.getMessage());
			return null;
		}
	}

	private void checkName(String name)
	{
		if (name == null)
			findings.add(Rule.NAME, null, "getName() returns null");
		else if (name.isBlank())
			findings.add(Rule.NAME, null, "getName() returns a blank name");
	}

	private void checkPattern(Rule rule, String method, String value, Pattern pattern)
	{
		if (value == null)
			findings.add(rule, null, method + " returns null");
		else if (!pattern.matcher(value).matches())
			findings.add(rule, null, method + " '" + value + "' does not match " + pattern.pattern());
	}

	private void checkNotNull(Rule rule, String method, Object value)
	{
		if (value == null)
			findings.add(rule, null, method + " returns null");
	}

	/** Not null, not empty, no null entries (on which DSF would throw). */
	private boolean checkNotEmpty(Rule rule, String method, Collection<?> values)
	{
		if (values == null)
			findings.add(rule, null, method + " returns null");
		else if (values.isEmpty())
			findings.add(rule, null, method + " returns no entries");
		else if (values.stream().anyMatch(Objects::isNull))
			findings.addAbortingDsfStartup(Rule.NO_NULL_ENTRIES, null, method + " contains null");
		else
			return true;
		return false;
	}

	private void checkSpringConfigurations(List<Class<?>> configurations)
	{
		if (!checkNotEmpty(Rule.SPRING_CONFIGURATIONS, "getSpringConfigurations()", configurations))
			return;
		List<String> notAnnotated = configurations.stream().filter(c -> !c.isAnnotationPresent(Configuration.class))
				.map(Class::getName).toList();
		if (!notAnnotated.isEmpty())
			findings.add(Rule.SPRING_CONFIGURATIONS, null,
					"getSpringConfigurations() has classes without @Configuration: " + String.join(", ", notAnnotated));
	}

	private void checkFhirResources(Map<String, List<String>> fhirResources)
	{
		if (fhirResources == null)
			findings.add(Rule.FHIR_RESOURCES_BY_PROCESS_ID, null, "getFhirResourcesByProcessId() returns null");
		else if (fhirResources.isEmpty())
			findings.add(Rule.FHIR_RESOURCES_BY_PROCESS_ID, null, "getFhirResourcesByProcessId() returns no entries");
		else
			fhirResources.forEach((processId, files) ->
			{
				if (processId == null || files == null || files.stream().anyMatch(Objects::isNull))
					findings.addAbortingDsfStartup(Rule.NO_NULL_ENTRIES, null,
							"getFhirResourcesByProcessId() contains null (for process id " + processId + ")");
			});
	}

	private static Map<String, List<String>> sorted(Map<String, List<String>> fhirResources)
	{
		Map<String, List<String>> sorted = new TreeMap<>();
		fhirResources.forEach((processId, files) -> sorted.put(processId, List.copyOf(files)));
		return Collections.unmodifiableMap(sorted);
	}
}
