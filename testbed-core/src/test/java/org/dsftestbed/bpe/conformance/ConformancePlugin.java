package org.dsftestbed.bpe.conformance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.dsf.bpe.v1.ProcessPluginDefinition;

/**
 * The v1 API conformance plugin, after DSF's own v1 test plugin (spec §7): process {@code dsfdev_test}, started by a
 * Task with profile {@code task-test|1.0} whose {@code test-activity} input picks one activity per API service. Its
 * files are under {@code test-plugin/conformance/} in the test resources (an exploded plugin; the classes come from the
 * test class path).
 */
public class ConformancePlugin implements ProcessPluginDefinition
{
	public static final String PROCESS_ID = "dsfdev_test";

	private static final String FHIR = "conformance/fhir/";

	@Override
	public String getName()
	{
		return "dsf-testbed-conformance";
	}

	@Override
	public String getVersion()
	{
		return "1.0.0.0";
	}

	@Override
	public LocalDate getReleaseDate()
	{
		return LocalDate.of(2026, 1, 1);
	}

	@Override
	public List<String> getProcessModels()
	{
		return List.of("conformance/bpe/test.bpmn");
	}

	@Override
	public Map<String, List<String>> getFhirResourcesByProcessId()
	{
		return Map.of(PROCESS_ID, List.of(FHIR + "ActivityDefinition-test.xml", FHIR + "CodeSystem-test.xml",
				FHIR + "StructureDefinition-task-test.xml", FHIR + "ValueSet-test.xml"));
	}

	@Override
	public List<Class<?>> getSpringConfigurations()
	{
		return List.of(ConformanceConfig.class);
	}
}
