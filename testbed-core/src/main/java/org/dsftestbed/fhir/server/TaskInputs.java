package org.dsftestbed.fhir.server;

import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

/** Reads DSF's {@code http://dsf.dev/fhir/CodeSystem/bpmn-message} inputs of a Task. */
final class TaskInputs
{
	static final String BPMN_MESSAGE_SYSTEM = "http://dsf.dev/fhir/CodeSystem/bpmn-message";

	private TaskInputs()
	{
	}

	/** The string value of input {@code code} (message-name, business-key, correlation-key), or {@code null}. */
	static String value(Resource resource, String code)
	{
		if (!(resource instanceof Task task))
			return null;
		return task.getInput().stream()
				.filter(input -> input.getType().getCoding().stream()
						.anyMatch(c -> BPMN_MESSAGE_SYSTEM.equals(c.getSystem()) && code.equals(c.getCode())))
				.map(input -> input.getValue() instanceof StringType s ? s.getValue() : null).findFirst().orElse(null);
	}
}
