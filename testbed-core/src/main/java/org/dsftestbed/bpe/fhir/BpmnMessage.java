package org.dsftestbed.bpe.fhir;

import java.util.Objects;
import java.util.Optional;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

import dev.dsf.bpe.v1.constants.CodeSystems;

/** Task inputs and outputs of DSF's CodeSystem {@value #SYSTEM}; the names are DSF's v1 API constants. */
public final class BpmnMessage
{
	public static final String SYSTEM = CodeSystems.BpmnMessage.URL;
	public static final String MESSAGE_NAME = CodeSystems.BpmnMessage.Codes.MESSAGE_NAME;
	public static final String BUSINESS_KEY = CodeSystems.BpmnMessage.Codes.BUSINESS_KEY;
	public static final String CORRELATION_KEY = CodeSystems.BpmnMessage.Codes.CORRELATION_KEY;
	public static final String ERROR = CodeSystems.BpmnMessage.Codes.ERROR;

	private BpmnMessage()
	{
	}

	/** The first string input with that code, if any. */
	public static Optional<String> input(Task task, String code)
	{
		return task.getInput().stream().filter(Task.ParameterComponent::hasType)
				.filter(p -> p.getType().getCoding().stream()
						.anyMatch(c -> SYSTEM.equals(c.getSystem()) && Objects.equals(code, c.getCode())))
				.filter(p -> p.getValue() instanceof StringType).map(p -> ((StringType) p.getValue()).getValue())
				.filter(Objects::nonNull).findFirst();
	}

	public static void addInput(Task task, String code, String value)
	{
		task.addInput().setType(type(code)).setValue(new StringType(value));
	}

	public static void addOutput(Task task, String code, String value)
	{
		task.addOutput().setType(type(code)).setValue(new StringType(value));
	}

	private static CodeableConcept type(String code)
	{
		CodeableConcept type = new CodeableConcept();
		type.addCoding().setSystem(SYSTEM).setCode(code);
		return type;
	}
}
