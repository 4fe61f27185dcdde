package org.dsftestbed.bpe;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.dsftestbed.bpe.fhir.TaskVariableCodec;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Task;

/**
 * The one codec an {@link OrganizationBpe} uses for Tasks and QuestionnaireResponses in process variables, shared by
 * the FHIR side ({@code TaskHandler}, {@code TaskListeners}, {@code QuestionnaireResponseHandler}) and the plugin API
 * ({@code ExecutionVariables}, i.e. {@code Variables.getStartTask()}, {@code getLatestTask()}, {@code getTasks()},
 * {@code updateTask(..)}, {@code getLatestReceivedQuestionnaireResponse()}).
 * <p>
 * Choice: the HAPI resources themselves, Java-serialized by Camunda (HAPI model classes are {@code Serializable}); a
 * list of received Tasks is a serialized {@code ArrayList<Task>}. This is what {@code ExecutionVariables} already reads
 * and writes, so both sides agree without conversion. DSF 1.9.0 instead stores them as its own JSON value types
 * ({@code FhirResourceValues}, {@code FhirResourcesListValues}); the difference is invisible to plugins using the API,
 * only to code that inspects Camunda's variable storage. Requires {@code javaSerializationFormatEnabled} and, so that a
 * Task changed in place is not stored again implicitly (DSF's value types are not), {@code ResourceVariableSerializer};
 * {@code PluginRuntime.engineOptions} sets both.
 */
public final class JavaSerializedTasks implements TaskVariableCodec
{
	public static final JavaSerializedTasks INSTANCE = new JavaSerializedTasks();

	private JavaSerializedTasks()
	{
	}

	@Override
	public Object toVariable(Task task)
	{
		return Variables.objectValue(task).serializationDataFormat(SerializationDataFormats.JAVA).create();
	}

	@Override
	public Task fromVariable(Object value)
	{
		return (Task) value;
	}

	@Override
	public Object toListVariable(List<Task> tasks)
	{
		return Variables.objectValue(new ArrayList<>(tasks)).serializationDataFormat(SerializationDataFormats.JAVA)
				.create();
	}

	@Override
	@SuppressWarnings("unchecked")
	public List<Task> fromListVariable(Object value)
	{
		return value instanceof List<?> l ? new ArrayList<>((List<Task>) l) : new ArrayList<>();
	}

	/** How the QuestionnaireResponse handler stores a received QuestionnaireResponse. */
	public static Object questionnaireResponse(QuestionnaireResponse response)
	{
		return Variables.objectValue(response).serializationDataFormat(SerializationDataFormats.JAVA).create();
	}
}
