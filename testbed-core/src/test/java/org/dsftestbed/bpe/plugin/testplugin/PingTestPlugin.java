package org.dsftestbed.bpe.plugin.testplugin;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.dsf.bpe.v1.ProcessPluginDefinition;

/**
 * A complete, valid v1 plugin in the shape of DSF's ping-pong plugin: processes {@code dsfdev_ping} and
 * {@code dsfdev_pong}, version 1.0.0.0 (resource version 1.0), with a FHIR resource of every type the BPE uploads. Its
 * files are under {@code test-plugin/ping/} in the test resources; {@code TestPlugin} packages them with these
 * classes. {@link PingTestPluginVariants} break it one rule at a time.
 */
public class PingTestPlugin implements ProcessPluginDefinition
{
	public static final String PING = "dsfdev_ping";
	public static final String PONG = "dsfdev_pong";

	public static final String PING_BPMN = "bpe/ping.bpmn";
	public static final String PONG_BPMN = "bpe/pong.bpmn";

	public static final String PING_ACTIVITY_DEFINITION = "fhir/ActivityDefinition/dsf-ping.xml";
	public static final String PONG_ACTIVITY_DEFINITION = "fhir/ActivityDefinition/dsf-pong.xml";
	public static final String CODE_SYSTEM = "fhir/CodeSystem/dsf-ping.xml";
	public static final String VALUE_SET = "fhir/ValueSet/dsf-ping.json";
	public static final String STRUCTURE_DEFINITION = "fhir/StructureDefinition/dsf-task-start-ping.xml";
	public static final String TASK = "fhir/Task/dsf-task-start-ping.xml";
	public static final String NAMING_SYSTEM = "fhir/NamingSystem/dsf-ping-identifier.xml";
	public static final String LIBRARY = "fhir/Library/dsf-ping.xml";
	public static final String MEASURE = "fhir/Measure/dsf-ping.xml";
	public static final String QUESTIONNAIRE = "fhir/Questionnaire/dsf-confirm-pong.xml";

	public static final List<String> PING_RESOURCES = List.of(PING_ACTIVITY_DEFINITION, CODE_SYSTEM, VALUE_SET,
			STRUCTURE_DEFINITION, TASK, NAMING_SYSTEM, LIBRARY, MEASURE);
	public static final List<String> PONG_RESOURCES = List.of(PONG_ACTIVITY_DEFINITION, CODE_SYSTEM, VALUE_SET,
			QUESTIONNAIRE);

	@Override
	public String getName()
	{
		return "dsf-testbed-ping";
	}

	@Override
	public String getVersion()
	{
		return "1.0.0.0";
	}

	@Override
	public LocalDate getReleaseDate()
	{
		return LocalDate.of(2025, 10, 21);
	}

	@Override
	public List<String> getProcessModels()
	{
		return List.of(PING_BPMN, PONG_BPMN);
	}

	@Override
	public Map<String, List<String>> getFhirResourcesByProcessId()
	{
		return Map.of(PING, PING_RESOURCES, PONG, PONG_RESOURCES);
	}

	@Override
	public List<Class<?>> getSpringConfigurations()
	{
		return List.of(PingTestConfig.class);
	}
}
