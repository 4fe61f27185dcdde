package org.dsftestbed.fhir.authorization;

import static org.dsftestbed.fhir.authorization.Decisions.assertAllowed;
import static org.dsftestbed.fhir.authorization.Decisions.assertRefused;
import static org.dsftestbed.fhir.authorization.Processes.localAll;
import static org.dsftestbed.fhir.authorization.Processes.localAllPractitioner;
import static org.dsftestbed.fhir.authorization.Processes.localOrganization;
import static org.dsftestbed.fhir.authorization.Processes.localRole;
import static org.dsftestbed.fhir.authorization.Processes.remoteAll;
import static org.dsftestbed.fhir.authorization.Processes.remoteOrganization;
import static org.dsftestbed.fhir.authorization.Processes.remoteRole;

import java.util.List;

import org.dsftestbed.fhir.authorization.lookup.DsfIdentifiers;
import org.dsftestbed.fhir.identity.Identity;
import org.dsftestbed.fhir.identity.OrganizationIdentity;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.ParameterComponent;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;

/**
 * Spec §3.4 with the cases of DSF's TaskIntegrationTest: creating draft and requested Tasks, status transitions,
 * invariants, delete and read. The server is {@value Network#DIC}'s.
 */
class TaskAuthorizationRuleTest
{
	private static final String RULE = "TaskAuthorizationRule";

	private final Network network = new Network();
	private final TaskAuthorizationRule rule = new TaskAuthorizationRule();

	private ActivityDefinition process(Coding requester, Coding recipient)
	{
		return network.context.add(Processes.ping(requester, recipient));
	}

	private static ParameterComponent input(String code, String value)
	{
		ParameterComponent input = new ParameterComponent(new CodeableConcept(), new StringType(value));
		input.getType().addCoding().setSystem("http://dsf.dev/fhir/CodeSystem/bpmn-message").setCode(code);
		return input;
	}

	/** A Task as a DSF client sends it: logical requester and recipient, ping profile and message-name. */
	private static Task task(TaskStatus status, String requester, String recipient)
	{
		Task task = new Task().setStatus(status).setIntent(TaskIntent.ORDER)
				.setInstantiatesCanonical(Processes.INSTANTIATES_CANONICAL);
		task.getMeta().addProfile(Processes.TASK_PROFILE);
		task.setRequester(Network.logicalOrganization(requester));
		task.getRestriction().addRecipient(Network.logicalOrganization(recipient));
		task.addInput(input("message-name", Processes.MESSAGE_NAME));
		return task;
	}

	private static Task requested(String requester)
	{
		return task(TaskStatus.REQUESTED, requester, Network.DIC);
	}

	private static Task draft(String identifier)
	{
		Task task = task(TaskStatus.DRAFT, Network.DIC, Network.DIC);
		task.addIdentifier().setSystem(DsfIdentifiers.TASK).setValue(identifier);
		return task;
	}

	private Decision create(Identity identity, Task task)
	{
		return rule.create(identity, task, network.context);
	}

	// --- create requested

	@Test
	void remoteOrganizationMayStartAProcessAuthorizedForRemoteRequesters()
	{
		process(remoteAll(), localAll());
		assertAllowed(create(network.remoteCos, requested(Network.COS)));
	}

	@Test
	void requesterAndRecipientMayBeLiteralReferences()
	{
		process(remoteAll(), localAll());
		Task task = requested(Network.COS);
		task.setRequester(new Reference("Organization/cos-org"));
		task.getRestriction().getRecipient().set(0, new Reference("Organization/dic-org"));
		assertAllowed(create(network.remoteCos, task));
	}

	@Test
	void logicalReferenceWithoutTypeDoesNotResolve()
	{
		process(remoteAll(), localAll());
		Task task = requested(Network.COS);
		task.getRequester().setType(null);
		assertRefused(create(network.remoteCos, task), RULE, "Task.requester does not match the caller's organization");
	}

	@Test
	void logicalReferenceResolvesOnlyToOrganizationsTheCallerMayRead()
	{
		process(remoteAll(), localAll());
		// an allow-listed organization that only local identities may read, itself included
		Organization hidden = Network.memberOrganization("hidden-org", "Test_HIDDEN", true, '7');
		hidden.getMeta().getTag().clear();
		hidden.getMeta().addTag(Tags.local());
		network.context.add(hidden);
		Identity caller = new OrganizationIdentity(false, hidden, "Test_HIDDEN", Network.thumbprint('7'));

		assertRefused(create(caller, requested("Test_HIDDEN")), RULE, "Task.requester does not match");
	}

	@Test
	void requesterMustBeTheCallersOrganization()
	{
		process(remoteAll(), localAll());
		assertRefused(create(network.remoteCos, requested(Network.HRP)), RULE,
				"Task.requester does not match the caller's organization " + Network.COS);
		assertRefused(create(network.localOrganization, requested(Network.COS)), RULE,
				"Task.requester does not match the caller's organization " + Network.DIC);
	}

	@Test
	void recipientMustBeExactlyTheLocalOrganization()
	{
		process(remoteAll(), localAll());
		assertRefused(create(network.remoteCos, task(TaskStatus.REQUESTED, Network.COS, Network.HRP)), RULE,
				"Task.restriction.recipient is not the local organization");

		Task twoRecipients = requested(Network.COS);
		twoRecipients.getRestriction().addRecipient(Network.logicalOrganization(Network.DIC));
		assertRefused(create(network.remoteCos, twoRecipients), RULE,
				"Task.restriction.recipient: exactly one expected, found 2");

		assertRefused(create(network.remoteCos, task(TaskStatus.REQUESTED, Network.COS, "Test_UNKNOWN")), RULE,
				"Task.restriction.recipient does not resolve to an Organization");
	}

	@Test
	void onlyDraftAndRequestedTasksMayBeCreated()
	{
		process(remoteAll(), localAll());
		for (TaskStatus status : List.of(TaskStatus.INPROGRESS, TaskStatus.COMPLETED, TaskStatus.FAILED))
		{
			assertRefused(create(network.remoteCos, task(status, Network.COS, Network.DIC)), RULE,
					"must be draft or requested to create a Task, not " + status.toCode());
			assertRefused(create(network.localOrganization, task(status, Network.DIC, Network.DIC)), RULE,
					"must be draft or requested");
		}
	}

	@Test
	void instantiatesCanonicalMustMatchThePattern()
	{
		process(remoteAll(), localAll());
		Task task = requested(Network.COS).setInstantiatesCanonical("http://dsf.test/bpe/Process/ping");
		assertRefused(create(network.remoteCos, task), RULE,
				"Task.instantiatesCanonical http://dsf.test/bpe/Process/ping not matching");
	}

	@Test
	void exactlyOneMessageNameInputIsRequired()
	{
		process(remoteAll(), localAll());
		Task none = requested(Network.COS);
		none.getInput().clear();
		assertRefused(create(network.remoteCos, none), RULE,
				"exactly one http://dsf.dev/fhir/CodeSystem/bpmn-message#message-name");

		Task two = requested(Network.COS);
		two.addInput(input("message-name", "other"));
		assertRefused(create(network.remoteCos, two), RULE, "exactly one");

		Task blank = requested(Network.COS);
		blank.getInputFirstRep().setValue(new StringType(" "));
		assertRefused(create(network.remoteCos, blank), RULE, "exactly one");
	}

	@Test
	void outputsAreNotAllowedOnCreate()
	{
		process(remoteAll(), localAll());
		Task task = requested(Network.COS);
		task.addOutput().setValue(new StringType("x")).getType().addCoding().setCode("result");
		assertRefused(create(network.remoteCos, task), RULE, "Task.output not allowed");
	}

	@Test
	void requestedTaskMayNotCarryATaskIdentifier()
	{
		process(remoteAll(), localAll());
		Task task = requested(Network.COS);
		task.addIdentifier().setSystem(DsfIdentifiers.TASK).setValue("x");
		assertRefused(create(network.remoteCos, task), RULE, "not allowed for requested Tasks");
	}

	@Test
	void activityDefinitionMustExistInDraftOrActive()
	{
		assertRefused(create(network.remoteCos, requested(Network.COS)), RULE,
				"no ActivityDefinition " + Processes.INSTANTIATES_CANONICAL + " in status draft or active");

		process(remoteAll(), localAll()).setStatus(PublicationStatus.RETIRED);
		assertRefused(create(network.remoteCos, requested(Network.COS)), RULE, "no ActivityDefinition");

		network.context.resources("ActivityDefinition").forEach(
				ad -> ((ActivityDefinition) ad).setStatus(PublicationStatus.DRAFT));
		assertAllowed(create(network.remoteCos, requested(Network.COS)));
	}

	@Test
	void messageNameMustBeAuthorizedByTheActivityDefinition()
	{
		process(remoteAll(), localAll());
		Task task = requested(Network.COS);
		task.getInputFirstRep().setValue(new StringType("pong"));
		assertRefused(create(network.remoteCos, task), RULE, "has no process authorization for message-name 'pong'");
	}

	@Test
	void taskProfileMayOmitTheVersionButNotHaveAnotherOne()
	{
		process(localAll(), localAll());
		Task unversioned = task(TaskStatus.REQUESTED, Network.DIC, Network.DIC);
		unversioned.getMeta().getProfile().clear();
		unversioned.getMeta().addProfile(Processes.TASK_PROFILE_UNVERSIONED);
		assertAllowed(create(network.localOrganization, unversioned));

		Task badVersion = task(TaskStatus.REQUESTED, Network.DIC, Network.DIC);
		badVersion.getMeta().getProfile().clear();
		badVersion.getMeta().addProfile(Processes.TASK_PROFILE_UNVERSIONED + "|0.x");
		assertRefused(create(network.localOrganization, badVersion), RULE, "has no process authorization");
	}

	@Test
	void localOrganizationIsNotARemoteRequester()
	{
		process(remoteAll(), localAll());
		assertRefused(create(network.localOrganization, task(TaskStatus.REQUESTED, Network.DIC, Network.DIC)), RULE,
				"process " + Processes.INSTANTIATES_CANONICAL + ", message 'startPing': " + Network.DIC
						+ " is not an authorized requester");
	}

	@Test
	void remoteOrganizationIsNotALocalRequester()
	{
		process(localAll(), localAll());
		assertRefused(create(network.remoteCos, requested(Network.COS)), RULE, "is not an authorized requester");
	}

	@Test
	void localOrganizationMustBeAnAuthorizedRecipient()
	{
		process(remoteAll(), localOrganization(Network.HRP));
		assertRefused(create(network.remoteCos, requested(Network.COS)), RULE,
				"the local organization is not an authorized recipient");
	}

	@Test
	void neitherRequesterNorRecipientAuthorizedSaysSo()
	{
		process(localAll(), localOrganization(Network.HRP));
		assertRefused(create(network.remoteCos, requested(Network.COS)), RULE,
				"neither the local organization is an authorized recipient nor " + Network.COS);
	}

	@Test
	void requesterByRemoteOrganizationIdentifierOrRole()
	{
		process(remoteOrganization(Network.HRP), localAll());
		assertRefused(create(network.remoteCos, requested(Network.COS)), RULE, "is not an authorized requester");
		assertAllowed(create(network.remoteHrp, requested(Network.HRP)));
	}

	@Test
	void requesterAndRecipientByRole()
	{
		process(remoteRole(Network.PARENT, "COS"), localRole(Network.PARENT, "DIC"));
		assertAllowed(create(network.remoteCos, requested(Network.COS)));
		assertRefused(create(network.remoteHrp, requested(Network.HRP)), RULE, "is not an authorized requester");
	}

	@Test
	void practitionerNeedsAPractitionerAuthorization()
	{
		process(localAll(), localAll());
		assertRefused(create(network.localAdmin, task(TaskStatus.REQUESTED, Network.DIC, Network.DIC)), RULE,
				"admin (" + Network.DIC + ") is not an authorized requester");
	}

	@Test
	void practitionerWithTheRoleMayStartAProcess()
	{
		process(localAllPractitioner(Network.DSF_ADMIN), localAll());
		assertAllowed(create(network.localAdmin, task(TaskStatus.REQUESTED, Network.DIC, Network.DIC)));
		assertRefused(create(network.localUserWithoutRole, task(TaskStatus.REQUESTED, Network.DIC, Network.DIC)),
				RULE, "is not an authorized requester");
		assertRefused(create(network.localOrganization, task(TaskStatus.REQUESTED, Network.DIC, Network.DIC)), RULE,
				"is not an authorized requester");
	}

	// --- create draft

	@Test
	void localOrganizationMayCreateADraftTask()
	{
		assertAllowed(create(network.localOrganization, draft("ping-template")));
	}

	@Test
	void draftTasksAreForTheLocalOrganizationIdentityOnly()
	{
		assertRefused(create(network.remoteCos, draft("ping-template")), RULE,
				"draft Tasks may only be created by the local organization");
		assertRefused(create(network.localAdmin, draft("ping-template")), RULE,
				"draft Tasks may only be created by the local organization");
	}

	@Test
	void draftTaskNeedsOneTaskIdentifierAndLocalRequesterAndRecipient()
	{
		Task withoutIdentifier = task(TaskStatus.DRAFT, Network.DIC, Network.DIC);
		assertRefused(create(network.localOrganization, withoutIdentifier), RULE,
				"exactly one with system " + DsfIdentifiers.TASK);

		Task remoteRequester = draft("ping-template").setRequester(Network.logicalOrganization(Network.COS));
		assertRefused(create(network.localOrganization, remoteRequester), RULE,
				"Task.requester is not the local organization");
	}

	@Test
	void draftTaskIdentifierMustBeUnused()
	{
		network.context.add(draft("ping-template"));
		assertRefused(create(network.localOrganization, draft("ping-template")), RULE,
				"identifier " + DsfIdentifiers.TASK + "|ping-template already exists");
	}

	// --- update

	private Task stored(TaskStatus status)
	{
		return network.context.add(task(status, Network.COS, Network.DIC));
	}

	private static Task withStatus(Task task, TaskStatus status)
	{
		Task copy = task.copy();
		copy.setStatus(status);
		return copy;
	}

	private Decision update(Identity identity, Task oldTask, Task newTask)
	{
		return rule.update(identity, oldTask, newTask, network.context);
	}

	@Test
	void bpeStartsAReceivedTaskAddingTheBusinessKey()
	{
		process(remoteAll(), localAll());
		Task old = stored(TaskStatus.REQUESTED);
		Task started = withStatus(old, TaskStatus.INPROGRESS);
		started.addInput(input("business-key", "6f1a"));
		assertAllowed(update(network.localOrganization, old, started));
	}

	@Test
	void onlyTheLocalOrganizationIdentityMayUpdate()
	{
		process(remoteAll(), localAll());
		Task old = stored(TaskStatus.REQUESTED);
		assertRefused(update(network.remoteCos, old, withStatus(old, TaskStatus.INPROGRESS)), RULE,
				"Tasks may only be updated by the local organization, not by " + Network.COS);
		assertRefused(update(network.localAdmin, old, withStatus(old, TaskStatus.INPROGRESS)), RULE,
				"may only be updated by the local organization");
	}

	@Test
	void senderDefinedElementsMustNotChange()
	{
		process(remoteAll(), localAll());
		Task old = stored(TaskStatus.REQUESTED);

		Task otherInput = withStatus(old, TaskStatus.INPROGRESS);
		otherInput.addInput(input("correlation-key", "c"));
		assertRefused(update(network.localOrganization, old, otherInput), RULE, "Task Task.input must not change");

		Task otherRequester = withStatus(old, TaskStatus.INPROGRESS)
				.setRequester(Network.logicalOrganization(Network.HRP));
		assertRefused(update(network.localOrganization, old, otherRequester), RULE, "Task.requester");

		Task otherRestriction = withStatus(old, TaskStatus.INPROGRESS);
		otherRestriction.getRestriction().setRepetitions(2);
		assertRefused(update(network.localOrganization, old, otherRestriction), RULE, "Task.restriction");

		Task otherProcess = withStatus(old, TaskStatus.INPROGRESS)
				.setInstantiatesCanonical("http://dsf.test/bpe/Process/pong|1.0");
		assertRefused(update(network.localOrganization, old, otherProcess), RULE, "Task.instantiatesCanonical");
	}

	@Test
	void startedTaskHasNoOutputYet()
	{
		process(remoteAll(), localAll());
		Task old = stored(TaskStatus.REQUESTED);
		Task withOutput = withStatus(old, TaskStatus.INPROGRESS);
		withOutput.addOutput().setValue(new StringType("x")).getType().addCoding().setCode("result");
		assertRefused(update(network.localOrganization, old, withOutput), RULE,
				"Task.output not allowed for requested -> in-progress");
	}

	@Test
	void inProgressTaskMayCompleteWithOutputs()
	{
		process(remoteAll(), localAll());
		Task old = stored(TaskStatus.INPROGRESS);
		Task completed = withStatus(old, TaskStatus.COMPLETED);
		completed.addOutput().setValue(new StringType("pong-received")).getType().addCoding().setCode("result");
		assertAllowed(update(network.localOrganization, old, completed));
	}

	@Test
	void inProgressToInProgressIsForbiddenIn19()
	{
		process(remoteAll(), localAll());
		Task old = stored(TaskStatus.INPROGRESS);
		assertRefused(update(network.localOrganization, old, withStatus(old, TaskStatus.INPROGRESS)), RULE,
				"in-progress -> in-progress is forbidden in DSF 1.9.0");
	}

	@Test
	void otherTransitionsAreRefused()
	{
		process(remoteAll(), localAll());
		Task completed = stored(TaskStatus.COMPLETED);
		assertRefused(update(network.localOrganization, completed, withStatus(completed, TaskStatus.INPROGRESS)),
				RULE, "Task.status change completed -> in-progress not allowed");
		Task requested = stored(TaskStatus.REQUESTED);
		assertRefused(update(network.localOrganization, requested, withStatus(requested, TaskStatus.COMPLETED)),
				RULE, "requested -> completed not allowed");
	}

	@Test
	void requestedTaskMayFailEvenWhenTheProcessIsGone()
	{
		// no ActivityDefinition: requested -> failed does not re-check the recipient, the other transitions do
		Task requested = stored(TaskStatus.REQUESTED);
		Task failed = withStatus(requested, TaskStatus.FAILED);
		failed.addInput(input("business-key", "6f1a"));
		assertAllowed(update(network.localOrganization, requested, failed));

		assertRefused(update(network.localOrganization, requested, withStatus(requested, TaskStatus.INPROGRESS)),
				RULE, "no ActivityDefinition");
		Task inProgress = stored(TaskStatus.INPROGRESS);
		assertRefused(update(network.localOrganization, inProgress, withStatus(inProgress, TaskStatus.FAILED)), RULE,
				"no ActivityDefinition");
	}

	@Test
	void inProgressTaskMayFail()
	{
		process(remoteAll(), localAll());
		Task old = stored(TaskStatus.INPROGRESS);
		assertAllowed(update(network.localOrganization, old, withStatus(old, TaskStatus.FAILED)));
	}

	@Test
	void draftTaskMayBeUpdatedKeepingItsIdentifier()
	{
		Task old = network.context.add(draft("ping-template"));
		Task changed = draft("ping-template");
		changed.addInput(input("business-key", "template"));
		assertAllowed(update(network.localOrganization, old, changed));
		assertRefused(update(network.localOrganization, old, draft("pong-template")), RULE,
				"identifier with system " + DsfIdentifiers.TASK + " must not change");
		assertRefused(update(network.localOrganization, old, withStatus(draft("ping-template"), TaskStatus.REQUESTED)),
				RULE, "draft -> requested not allowed");
	}

	// --- delete

	@Test
	void onlyDraftTasksMayBeDeletedByTheLocalOrganization()
	{
		Task draft = network.context.add(draft("ping-template"));
		assertAllowed(rule.delete(network.localOrganization, draft, network.context));
		assertAllowed(rule.permanentDelete(network.localOrganization, draft, network.context));
		assertRefused(rule.delete(network.remoteCos, draft, network.context), RULE, "may only be deleted by the local");
		assertRefused(rule.permanentDelete(network.remoteCos, draft, network.context), RULE, "local identities only");
		assertRefused(rule.delete(network.localOrganization, stored(TaskStatus.REQUESTED), network.context), RULE,
				"only draft Tasks may be deleted, this one is requested");
	}

	// --- read

	@Test
	void recipientsLocalIdentitiesAndTheRequesterMayRead()
	{
		Task task = stored(TaskStatus.REQUESTED);
		assertAllowed(rule.read(network.localOrganization, task, network.context));
		assertAllowed(rule.read(network.localAdmin, task, network.context));
		assertAllowed(rule.read(network.remoteCos, task, network.context));
		assertRefused(rule.read(network.remoteHrp, task, network.context), RULE, "not by " + Network.HRP);
	}

	@Test
	void storedLiteralReferencesAreFollowedOnRead()
	{
		Task task = stored(TaskStatus.REQUESTED);
		task.setRequester(new Reference("Organization/hrp-org"));
		task.getRestriction().getRecipient().set(0, new Reference("Organization/cos-org"));
		assertAllowed(rule.read(network.remoteHrp, task, network.context));
		assertRefused(rule.read(network.remoteCos, task, network.context), RULE, "not by " + Network.COS);
		assertRefused(rule.read(network.localOrganization, task, network.context), RULE, "not by " + Network.DIC);
	}
}
