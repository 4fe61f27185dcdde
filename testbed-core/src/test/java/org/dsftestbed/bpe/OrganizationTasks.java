package org.dsftestbed.bpe;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.dsftestbed.bpe.fhir.BpeFhirFixture;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.ParameterComponent;
import org.hl7.fhir.r4.model.Task.TaskStatus;

import dev.dsf.fhir.client.FhirWebserviceClient;

/**
 * What the BPE tests do with Tasks as an organization's client: DSF's own FHIR client under the organization's client
 * certificate, waiting for a Task to end, reading its history and its inputs.
 */
final class OrganizationTasks
{
	static final String BPMN_MESSAGE = "http://dsf.dev/fhir/CodeSystem/bpmn-message";

	private OrganizationTasks()
	{
	}

	/** A logical reference to an organization, as Task requester and recipient must be. */
	static Reference organization(String identifier)
	{
		return new Reference().setType("Organization").setIdentifier(
				new Identifier().setSystem("http://dsf.dev/sid/organization-identifier").setValue(identifier));
	}

	static boolean terminal(Task task)
	{
		return task.getStatus() == TaskStatus.COMPLETED || task.getStatus() == TaskStatus.FAILED;
	}

	/** Waits until the Task is completed or failed; the last state read is returned. */
	static Task awaitTerminal(FhirWebserviceClient client, String taskId, Duration timeout)
			throws InterruptedException
	{
		Task[] last = new Task[1];
		BpeFhirFixture.await("Task " + taskId + " completed or failed", timeout,
				() -> terminal(last[0] = client.read(Task.class, taskId)));
		return last[0];
	}

	/** The Task's versions, oldest first. */
	static List<Task> history(FhirWebserviceClient client, String id)
	{
		return client.history(Task.class, id).getEntry().stream().map(e -> (Task) e.getResource()).toList();
	}

	static String code(ParameterComponent input)
	{
		return input.getType().getCodingFirstRep().getCode();
	}

	/** The first string input with a {@code bpmn-message} code. */
	static Optional<String> input(Task task, String code)
	{
		return task.getInput().stream().filter(i -> code.equals(code(i)))
				.map(i -> ((StringType) i.getValue()).getValue()).findFirst();
	}
}
