package org.dsftestbed.fhir.authorization;

import java.util.List;
import java.util.Objects;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.ParameterComponent;

/** The Task inputs of CodeSystem {@value #BPMN_MESSAGE} the Task rule looks at. */
final class TaskInputs
{
	static final String BPMN_MESSAGE = "http://dsf.dev/fhir/CodeSystem/bpmn-message";
	static final String MESSAGE_NAME = "message-name";
	static final String BUSINESS_KEY = "business-key";

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
