package org.dsftestbed.bpe.plugin;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a plugin's {@code ProcessPluginDefinition} returned, read once when the plugin was loaded (the definition is
 * the plugin's code: asking it again could throw or answer differently).
 *
 * @param resourceVersion
 *            {@code #{version}} in the plugin's files and the version of its processes and FHIR resources; the
 *            API's default is the first two numbers of {@code version}
 * @param resourceReleaseDate
 *            {@code #{date}} in the plugin's files; the API's default is {@code releaseDate}
 * @param fhirResourcesByProcessId
 *            with keys in a fixed (sorted) order, so that findings and uploads repeat from run to run
 */
public record DefinitionValues(String name, String version, String resourceVersion, LocalDate releaseDate,
		LocalDate resourceReleaseDate, List<String> processModels, Map<String, List<String>> fhirResourcesByProcessId,
		List<Class<?>> springConfigurations)
{
}
