package org.dsftestbed.bpe.runtime;

import java.util.Objects;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.ParameterComponent;
import org.hl7.fhir.r4.model.Task.TaskOutputComponent;
import org.hl7.fhir.r4.model.Type;

import dev.dsf.bpe.v1.service.TaskHelper;

/**
 * DSF's Task helper: an input matches when any coding of its type has the system and code asked for and its value is
 * of the type asked for.
 */
public final class TestbedTaskHelper implements TaskHelper
{
	private final String localBaseUrl;

	public TestbedTaskHelper(String localBaseUrl)
	{
		this.localBaseUrl = Objects.requireNonNull(localBaseUrl, "localBaseUrl");
	}

	@Override
	public String getLocalVersionlessAbsoluteUrl(Task task)
	{
		if (task == null || !task.hasIdElement() || !task.getIdElement().hasIdPart())
			return null;
		return task.getIdElement().toVersionless().withServerBase(localBaseUrl, "Task").getValue();
	}

	private static boolean matches(ParameterComponent input, String system, String code,
			Class<? extends Type> valueType)
	{
		return input.hasType() && input.getType().getCoding().stream()
				.anyMatch(c -> Objects.equals(system, c.getSystem()) && Objects.equals(code, c.getCode()))
				&& valueType.isInstance(input.getValue());
	}

	@Override
	public Stream<String> getInputParameterStringValues(Task task, Coding coding)
	{
		return getInputParameterStringValues(task, coding.getSystem(), coding.getCode());
	}

	@Override
	public Stream<String> getInputParameterStringValues(Task task, String system, String code)
	{
		return getInputParameterValues(task, system, code, StringType.class).map(StringType::getValue);
	}

	@Override
	public <T extends Type> Stream<T> getInputParameterValues(Task task, Coding coding, Class<T> type)
	{
		return getInputParameterValues(task, coding.getSystem(), coding.getCode(), type);
	}

	@Override
	public <T extends Type> Stream<T> getInputParameterValues(Task task, String system, String code, Class<T> type)
	{
		return getInputParameters(task, system, code, type).map(p -> type.cast(p.getValue()));
	}

	@Override
	public Stream<ParameterComponent> getInputParametersWithExtension(Task task, Coding coding,
			Class<? extends Type> type, String url)
	{
		return getInputParametersWithExtension(task, coding.getSystem(), coding.getCode(), type, url);
	}

	@Override
	public Stream<ParameterComponent> getInputParametersWithExtension(Task task, String system, String code,
			Class<? extends Type> type, String url)
	{
		return getInputParameters(task, system, code, type).filter(p -> p.hasExtension(url));
	}

	@Override
	public Stream<ParameterComponent> getInputParameters(Task task, Coding coding, Class<? extends Type> type)
	{
		return getInputParameters(task, coding.getSystem(), coding.getCode(), type);
	}

	@Override
	public Stream<ParameterComponent> getInputParameters(Task task, String system, String code,
			Class<? extends Type> type)
	{
		if (task == null)
			return Stream.empty();
		return task.getInput().stream().filter(i -> matches(i, system, code, type));
	}

	@Override
	public ParameterComponent createInput(Type value, Coding coding)
	{
		return new ParameterComponent().setValue(value).setType(new org.hl7.fhir.r4.model.CodeableConcept(coding));
	}

	@Override
	public ParameterComponent createInput(Type value, String system, String code)
	{
		return createInput(value, new Coding(system, code, null));
	}

	@Override
	public TaskOutputComponent createOutput(Type value, Coding coding)
	{
		return new TaskOutputComponent().setValue(value).setType(new org.hl7.fhir.r4.model.CodeableConcept(coding));
	}

	@Override
	public TaskOutputComponent createOutput(Type value, String system, String code)
	{
		return createOutput(value, new Coding(system, code, null));
	}
}
