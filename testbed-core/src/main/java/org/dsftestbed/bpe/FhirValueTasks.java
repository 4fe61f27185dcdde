package org.dsftestbed.bpe;

import java.util.List;

import org.dsftestbed.bpe.fhir.TaskVariableCodec;
import org.dsftestbed.bpe.runtime.VariableValues;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Task;

/**
 * The one codec an {@link OrganizationBpe} uses for Tasks and QuestionnaireResponses in process variables, shared by
 * the FHIR side ({@code TaskHandler}, {@code TaskListeners}, {@code QuestionnaireResponseHandler}) and the plugin API
 * ({@code ExecutionVariables}: {@code Variables.getStartTask()}, {@code getLatestTask()}, {@code getTasks()},
 * {@code updateTask(..)}, {@code getLatestReceivedQuestionnaireResponse()}). As in DSF 1.9.0: a Task is a FHIR resource
 * value, a list of received Tasks a FHIR resource list value, both stored as JSON ({@link VariableValues}).
 */
public final class FhirValueTasks implements TaskVariableCodec
{
	public static final FhirValueTasks INSTANCE = new FhirValueTasks();

	private FhirValueTasks()
	{
	}

	@Override
	public Object toVariable(Task task)
	{
		return VariableValues.resource(task);
	}

	@Override
	public Task fromVariable(Object value)
	{
		return (Task) value;
	}

	@Override
	public Object toListVariable(List<Task> tasks)
	{
		return VariableValues.resources(tasks);
	}

	@Override
	public List<Task> fromListVariable(Object value)
	{
		List<Task> tasks = VariableValues.resourcesOf(value);
		return tasks == null ? List.of() : tasks;
	}

	/** How the QuestionnaireResponse handler stores a received QuestionnaireResponse. */
	public static Object questionnaireResponse(QuestionnaireResponse response)
	{
		return VariableValues.resource(response);
	}
}
