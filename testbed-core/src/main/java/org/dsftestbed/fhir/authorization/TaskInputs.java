package org.dsftestbed.fhir.authorization;

import java.util.List;
import java.util.Objects;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.ParameterComponent;

/** The Task inputs of CodeSystem {@value #BPMN_MESSAGE}: what the Task rule checks and what request records show. */
public final class TaskInputs
{
	public static final String BPMN_MESSAGE = "http://dsf.dev/fhir/CodeSystem/bpmn-message";
	public static final String MESSAGE_NAME = "message-name";
	public static final String BUSINESS_KEY = "business-key";
	public static final String CORRELATION_KEY = "correlation-key";

	private TaskInputs()
	{
	}

	/** Non-blank string values of {@code message-name} inputs. */
	static List<String> messageNames(Task task)
	{
		return task.getInput().stream().filter(input -> is(input, MESSAGE_NAME))
				.filter(input -> input.getValue() instanceof StringType).map(input -> input.getValue().primitiveValue())
				.filter(Objects::nonNull).filter(name -> !name.isBlank()).toList();
	}

	/** The string value of the first input {@code code}, or {@code null}; {@code null} for resources other than Tasks. */
	public static String value(Resource resource, String code)
	{
		if (!(resource instanceof Task task))
			return null;
		return task.getInput().stream().filter(input -> is(input, code))
				.map(input -> input.getValue() instanceof StringType s ? s.getValue() : null).findFirst().orElse(null);
	}

	static boolean hasBusinessKey(Task task)
	{
		return task.getInput().stream().anyMatch(input -> is(input, BUSINESS_KEY));
	}

	static boolean is(ParameterComponent input, String code)
	{
		return input.getType().getCoding().stream().filter(Coding::hasSystem).filter(Coding::hasCode)
				.anyMatch(c -> BPMN_MESSAGE.equals(c.getSystem()) && code.equals(c.getCode()));
	}
}
