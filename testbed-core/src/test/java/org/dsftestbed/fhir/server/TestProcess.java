package org.dsftestbed.fhir.server;

import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.dsftestbed.fhir.authorization.Network;
import org.dsftestbed.fhir.authorization.Processes;
import org.dsftestbed.fhir.authorization.Tags;
import org.dsftestbed.fhir.authorization.lookup.DsfIdentifiers;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * A process of its own for one test, so that tests sharing a server never meet each other's ActivityDefinition:
 * {@code http://dsf.test/bpe/Process/<unique>|1.0} with the single message {@value #MESSAGE} in Tasks that claim DSF's
 * task-base profile (in every server's base bundle).
 *
 * <pre>{@code
 * TestProcess process = TestProcess.unique();
 * server.create(server.local, process.activityDefinition(Processes.remoteAll(), Processes.localAll()));
 * server.create(server.remote, process.requested(ServerFixture.REMOTE, ServerFixture.LOCAL));
 * }</pre>
 */
record TestProcess(String url, String version)
{
	static final String TASK_PROFILE = "http://dsf.dev/fhir/StructureDefinition/task-base|1.0.0";
	static final String MESSAGE = "start";
	static final String BPMN_MESSAGE = "http://dsf.dev/fhir/CodeSystem/bpmn-message";

	static TestProcess unique()
	{
		return new TestProcess("http://dsf.test/bpe/Process/test-" + UUID.randomUUID().toString().substring(0, 13),
				"1.0");
	}

	String canonical()
	{
		return url + "|" + version;
	}

	ActivityDefinition activityDefinition(Coding requester, Coding recipient)
	{
		return activityDefinition(List.of(requester), List.of(recipient));
	}

	/** Active, tagged ALL, one process authorization for {@value #MESSAGE} and {@value #TASK_PROFILE}. */
	ActivityDefinition activityDefinition(List<Coding> requesters, List<Coding> recipients)
	{
		ActivityDefinition activityDefinition = new ActivityDefinition();
		activityDefinition.setUrl(url).setVersion(version).setStatus(PublicationStatus.ACTIVE)
				.setKind(ActivityDefinition.ActivityDefinitionKind.TASK);
		activityDefinition.addExtension(Processes.authorization(MESSAGE, TASK_PROFILE, requesters, recipients));
		return Tags.tagged(activityDefinition, Tags.all());
	}

	/** A message of this process from {@code requester} to {@code recipient} (organization identifiers). */
	Task requested(String requester, String recipient)
	{
		Task task = new Task().setStatus(TaskStatus.REQUESTED).setIntent(TaskIntent.ORDER)
				.setInstantiatesCanonical(canonical()).setAuthoredOn(new Date());
		task.getMeta().addProfile(TASK_PROFILE);
		task.setRequester(Network.logicalOrganization(requester));
		task.getRestriction().addRecipient(Network.logicalOrganization(recipient));
		task.addInput(input("message-name", MESSAGE));
		return task;
	}

	/** A Task template of the local organization, as plugins ship them. */
	Task draft(String localOrganization, String identifier)
	{
		Task task = requested(localOrganization, localOrganization).setStatus(TaskStatus.DRAFT);
		task.addIdentifier().setSystem(DsfIdentifiers.TASK).setValue(identifier);
		return task;
	}

	static Task.ParameterComponent input(String code, String value)
	{
		Task.ParameterComponent input = new Task.ParameterComponent(new CodeableConcept(), new StringType(value));
		input.getType().addCoding().setSystem(BPMN_MESSAGE).setCode(code);
		return input;
	}
}
