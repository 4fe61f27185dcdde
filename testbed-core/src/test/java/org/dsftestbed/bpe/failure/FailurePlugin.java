package org.dsftestbed.bpe.failure;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.dsf.bpe.v1.ProcessPluginDefinition;

/**
 * A plugin whose processes fail the ways DSF's API classes handle (spec §5.7, §5.8) and one with a user task (§5.10),
 * its files under {@code test-plugin/failure/} in the test resources (an exploded plugin, classes from the test class
 * path). Each process is started locally (start message {@code start<Name>}, profile {@value #START_PROFILE}):
 * <ul>
 * <li>{@code serviceException}: a service task throws an exception;</li>
 * <li>{@code serviceBpmnError}: a service task throws a BpmnError caught by a boundary event, which records
 * {@value #BPMN_ERROR_HANDLED};</li>
 * <li>{@code throwEvent}: sends {@code hello} to the organization named by {@code dev.dsf.testbed.failure.target}
 * from an intermediate throw event;</li>
 * <li>{@code throwEventUnknownProcess}: the same, to a process no organization has (the recipient refuses it);</li>
 * <li>{@code endEventSend}: sends {@code hello} to the target from a message end event;</li>
 * <li>{@code multiSend}: sends {@code hello} from a multi-instance send task to each organization of
 * {@code dev.dsf.testbed.failure.targets} (comma-separated), then records each remaining target as
 * {@value #REMAINING_TARGET};</li>
 * <li>{@code userTask}: a user task with the Questionnaire {@value #QUESTIONNAIRE}, then records the answer to item
 * {@value #APPROVED_ITEM} as {@value #ANSWER};</li>
 * <li>{@code hello}: receives {@code hello} from any remote organization and ends.</li>
 * </ul>
 */
public class FailurePlugin implements ProcessPluginDefinition
{
	public static final String VERSION = "1.0";
	public static final String CODE_SYSTEM = "http://dsf.dev/fhir/CodeSystem/testbed-failure";
	public static final String BPMN_ERROR_HANDLED = "bpmn-error-handled";
	public static final String REMAINING_TARGET = "remaining-target";
	public static final String ANSWER = "answer";
	public static final String START_PROFILE = "http://dsf.dev/fhir/StructureDefinition/task-start-failure-test|"
			+ VERSION;
	public static final String QUESTIONNAIRE = "http://dsf.dev/fhir/Questionnaire/testbed-approval|" + VERSION;
	public static final String APPROVED_ITEM = "approved";

	static final List<String> PROCESSES = List.of("serviceException", "serviceBpmnError", "throwEvent",
			"throwEventUnknownProcess", "endEventSend", "multiSend", "userTask", "hello");

	private static final String FHIR = "failure/fhir/";

	/** {@code http://dsf.dev/bpe/Process/<name>|1.0} */
	public static String process(String name)
	{
		return "http://dsf.dev/bpe/Process/" + name + "|" + VERSION;
	}

	@Override
	public String getName()
	{
		return "dsf-testbed-failure";
	}

	@Override
	public String getVersion()
	{
		return VERSION + ".0.0";
	}

	@Override
	public LocalDate getReleaseDate()
	{
		return LocalDate.of(2026, 1, 1);
	}

	@Override
	public List<String> getProcessModels()
	{
		return PROCESSES.stream().map(p -> "failure/bpe/" + p + ".bpmn").toList();
	}

	@Override
	public Map<String, List<String>> getFhirResourcesByProcessId()
	{
		// each process its ActivityDefinition; the shared resources listed once, with the process that uses them first
		Map<String, List<String>> shared = Map.of("serviceException",
				List.of("StructureDefinition-task-start-failure-test.xml", "CodeSystem-testbed-failure.xml"), "hello",
				List.of("StructureDefinition-task-hello.xml"), "userTask", List.of("Questionnaire-testbed-approval.xml"));
		Map<String, List<String>> resources = new LinkedHashMap<>();
		for (String process : PROCESSES)
			resources.put("dsfdev_" + process,
					Stream.concat(Stream.of("ActivityDefinition-" + process + ".xml"),
							shared.getOrDefault(process, List.of()).stream()).map(f -> FHIR + f).toList());
		return resources;
	}

	@Override
	public List<Class<?>> getSpringConfigurations()
	{
		return List.of(FailureConfig.class);
	}
}
