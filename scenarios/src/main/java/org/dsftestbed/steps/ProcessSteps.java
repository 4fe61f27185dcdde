package org.dsftestbed.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dsftestbed.client.OrgClient;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.ParameterComponent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.hl7.fhir.r4.model.Type;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Steps that start processes, wait for Tasks and look at what they carry, in DSF's words. */
public class ProcessSteps
{
	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	private final TestbedWorld world;

	public ProcessSteps(TestbedWorld world)
	{
		this.world = world;
	}

	@When("{string} starts process {string}")
	public void startsProcess(String organization, String process)
	{
		world.started(organization, world.client(organization).startProcess(process, List.of()));
	}

	/** Inputs as a table with columns system, code, value and optionally type (string, integer, boolean). */
	@When("{string} starts process {string} with inputs:")
	public void startsProcessWithInputs(String organization, String process, DataTable inputs)
	{
		List<ParameterComponent> parameters = new ArrayList<>();
		for (Map<String, String> row : inputs.asMaps())
			parameters.add(OrgClient.input(required(row, "system"), required(row, "code"),
					value(row.getOrDefault("type", "string"), required(row, "value"))));
		world.started(organization, world.client(organization).startProcess(process, parameters));
	}

	private static String required(Map<String, String> row, String column)
	{
		String value = row.get(column);
		if (value == null)
			throw new IllegalArgumentException(
					"the inputs table needs a column '" + column + "'; it has: " + String.join(", ", row.keySet()));
		return value;
	}

	private static Type value(String type, String text)
	{
		return switch (type)
		{
			case "string" -> new StringType(text);
			case "integer" -> new IntegerType(Integer.parseInt(text));
			case "boolean" -> new BooleanType(Boolean.parseBoolean(text));
			default -> throw new IllegalArgumentException(
					"unknown input type '" + type + "'; known: string, integer, boolean");
		};
	}

	@Then("the Task at {string} is {string}")
	public void theTaskIs(String organization, String status)
	{
		theTaskIsWithin(organization, status, (int) DEFAULT_TIMEOUT.toSeconds());
	}

	@Then("the Task at {string} is {string} within {int} second(s)")
	public void theTaskIsWithin(String organization, String status, int seconds)
	{
		Task started = world.startedTask(organization);
		Task task = world.client(organization).awaitStatus(started.getIdElement().getIdPart(), status(status),
				Duration.ofSeconds(seconds));
		world.awaited(task);
	}

	private static TaskStatus status(String code)
	{
		try
		{
			return TaskStatus.fromCode(code);
		}
		catch (Exception e)
		{
			throw new IllegalArgumentException("unknown Task status '" + code + "'; DSF uses: draft, requested, "
					+ "in-progress, completed, failed");
		}
	}

	@Then("{string} received a Task with message-name {string}")
	public void receivedATaskWithMessageName(String organization, String messageName)
	{
		OrgClient client = world.client(organization);
		Task received = client.awaitTask("with message-name '" + messageName + "' from another organization",
				t -> OrgClient.stringInput(t, OrgClient.BPMN_MESSAGE_SYSTEM, "message-name")
						.filter(messageName::equals).isPresent()
						&& !t.getMeta().getLastUpdated().toInstant().isBefore(world.start())
						&& !client.organizationIdentifier().equals(t.getRequester().getIdentifier().getValue()),
				DEFAULT_TIMEOUT);
		world.awaited(received);
	}

	/**
	 * Completed Tasks with the message name that the organization received from others in this scenario, e.g. the
	 * pongs of a connectivity check.
	 */
	@Then("{string} completed {int} Task(s) with message-name {string}")
	public void completedTasksWithMessageName(String organization, int count, String messageName)
	{
		OrgClient client = world.client(organization);
		long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
		List<Task> completed;
		do
		{
			completed = client.tasksWithMessageName(messageName).stream()
					.filter(t -> t.getStatus() == TaskStatus.COMPLETED)
					.filter(t -> !t.getMeta().getLastUpdated().toInstant().isBefore(world.start())).toList();
			if (completed.size() >= count)
				break;
			sleep();
		}
		while (System.nanoTime() < deadline);
		assertThat(completed).as("completed Tasks '" + messageName + "' at " + client.organizationIdentifier())
				.hasSize(count);
	}

	private static void sleep()
	{
		try
		{
			Thread.sleep(100);
		}
		catch (InterruptedException e)
		{
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		}
	}

	/** {@code output} is {@code code} or {@code system#code}; the value is compared as text. */
	@Then("the Task output {string} is {string}")
	public void theTaskOutputIs(String output, String value)
	{
		Task task = world.lastTask();
		List<String> values = outputValues(task, output);
		assertThat(values).as(describe(task, output)).contains(value);
	}

	@Then("the Task has no error output")
	public void theTaskHasNoErrorOutput()
	{
		Task task = world.lastTask();
		assertThat(OrgClient.errors(task)).as("error outputs of Task/" + task.getIdElement().getIdPart()).isEmpty();
	}

	@Then("the Task has an error output containing {string}")
	public void theTaskHasAnErrorOutputContaining(String text)
	{
		Task task = world.lastTask();
		assertThat(OrgClient.errors(task)).as("error outputs of Task/" + task.getIdElement().getIdPart())
				.anyMatch(e -> e.contains(text));
	}

	/** A value as a scenario writes it: primitives as text, a Coding by its code, a Reference by its identifier. */
	static String text(Type value)
	{
		if (value == null)
			return null;
		if (value.isPrimitive())
			return value.primitiveValue();
		if (value instanceof org.hl7.fhir.r4.model.Coding coding)
			return coding.getCode();
		if (value instanceof org.hl7.fhir.r4.model.Reference reference)
			return reference.hasReference() ? reference.getReference() : reference.getIdentifier().getValue();
		return value.toString();
	}

	private static List<Task.TaskOutputComponent> outputs(Task task, String output)
	{
		String system = output.contains("#") ? output.substring(0, output.indexOf('#')) : null;
		String code = output.contains("#") ? output.substring(output.indexOf('#') + 1) : output;
		return task.getOutput().stream().filter(o -> o.getType().getCoding().stream()
				.anyMatch(c -> code.equals(c.getCode()) && (system == null || system.equals(c.getSystem())))).toList();
	}

	/** Whether an extension of the output (at any depth) holds an Identifier with this value. */
	private static boolean names(Task.TaskOutputComponent output, String identifierValue)
	{
		return names(output.getExtension(), identifierValue);
	}

	private static boolean names(List<org.hl7.fhir.r4.model.Extension> extensions, String identifierValue)
	{
		for (var extension : extensions)
			if (extension.getValue() instanceof org.hl7.fhir.r4.model.Identifier identifier
					&& identifierValue.equals(identifier.getValue()) || names(extension.getExtension(), identifierValue))
				return true;
		return false;
	}

	/**
	 * The output that names the organization in an extension (as per-target results do, e.g. a connectivity check's
	 * {@code ping-status} per target organization).
	 */
	@Then("the Task output {string} for {string} is {string}")
	public void theTaskOutputForIs(String output, String organization, String value)
	{
		Task task = world.lastTask();
		String identifier = world.organization(organization).identifier();
		List<String> values = outputs(task, output).stream().filter(o -> names(o, identifier))
				.map(o -> text(o.getValue())).toList();
		assertThat(values).as(describe(task, output) + " (for " + identifier + ")").containsExactly(value);
	}

	@Then("the Task output {string} is {string} for every other organization")
	public void theTaskOutputIsForEveryOtherOrganization(String output, String value)
	{
		Task task = world.lastTask();
		String own = task.getRequester().getIdentifier().getValue();
		for (var organization : world.network().organizations())
			if (!organization.identifier().equals(own))
				theTaskOutputForIs(output, organization.identifier(), value);
		assertThat(outputs(task, output)).as(describe(task, output))
				.hasSize(world.network().organizations().size() - 1);
	}

	private static List<String> outputValues(Task task, String output)
	{
		return outputs(task, output).stream().map(o -> text(o.getValue())).toList();
	}

	private static String describe(Task task, String output)
	{
		return "output '" + output + "' of Task/" + task.getIdElement().getIdPart() + " (" + task.getStatus().toCode()
				+ "); its outputs: " + task.getOutput().stream()
						.map(o -> o.getType().getCodingFirstRep().getCode() + "=" + text(o.getValue()))
						.collect(Collectors.joining(", "));
	}

	/**
	 * Answers the organization's pending user task whose Questionnaire starts with the text, with a table of linkId and
	 * answer.
	 */
	@When("{string} answers the user task {string} with:")
	public void answersTheUserTask(String organization, String questionnaire, DataTable answers)
	{
		OrgClient client = world.client(organization);
		List<QuestionnaireResponse> pending = client.pendingUserTasks();
		QuestionnaireResponse task = pending.stream().filter(q -> q.getQuestionnaire() != null
				&& q.getQuestionnaire().startsWith(questionnaire)).findFirst()
				.orElseThrow(() -> new IllegalStateException("no pending user task '" + questionnaire + "' at "
						+ client.organizationIdentifier() + "; pending: "
						+ (pending.isEmpty() ? "none"
								: pending.stream().map(QuestionnaireResponse::getQuestionnaire)
										.collect(Collectors.joining(", ")))));
		Map<String, Type> values = new LinkedHashMap<>();
		for (Map<String, String> row : answers.asMaps())
			values.put(required(row, "linkId"), value(row.getOrDefault("type", "string"), required(row, "answer")));
		client.answerUserTask(task, values);
	}
}
