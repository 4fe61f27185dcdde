package org.dsftestbed.fhir.authorization;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dsftestbed.fhir.authorization.lookup.DsfIdentifiers;
import org.dsftestbed.fhir.authorization.lookup.LocalOrganization;
import org.dsftestbed.fhir.authorization.lookup.ReferenceTargets;
import org.dsftestbed.fhir.authorization.process.InstantiatesCanonical;
import org.dsftestbed.fhir.authorization.process.ProcessAuthorization;
import org.dsftestbed.fhir.authorization.process.ProcessAuthorizations;
import org.dsftestbed.fhir.authorization.read.ReadAccessTags;
import org.dsftestbed.fhir.identity.Identity;
import org.dsftestbed.fhir.identity.OrganizationIdentity;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.ParameterComponent;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * Task — the process messages between organizations, and the only type a remote organization may create.
 * <ul>
 * <li><b>create draft</b> (Task templates of plugins): local organization only; exactly one task-identifier, not yet
 * used; requester and recipient the local organization.</li>
 * <li><b>create requested</b> (a message): any identity; no task-identifier; requester the caller's own organization;
 * exactly one recipient, the local organization; and the ActivityDefinition of {@code instantiatesCanonical} (draft or
 * active) authorizes the caller as requester and the local organization as recipient for the message-name and Task
 * profile.</li>
 * <li>Both need a valid {@code instantiatesCanonical}, exactly one message-name input and no output.</li>
 * <li><b>update</b> (the BPE moving a Task along): local organization only; draft → draft, requested → in-progress,
 * in-progress → completed, requested → failed, in-progress → failed; requester, restriction, instantiatesCanonical
 * and inputs unchanged except that a first business-key may be added. in-progress → in-progress is refused in DSF
 * 1.9.0 (allowed from 2.x).</li>
 * <li><b>delete</b>: local organization, draft Tasks only. <b>read</b>: a local identity of the recipient
 * organization, or any identity of the requester organization.</li>
 * </ul>
 * Task.requester and Task.restriction.recipient may be literal ({@code Organization/<id>}) or logical (type and
 * organization identifier) references. An update's old Task is expected as clients see it (literal parts of logical
 * references removed, as DSF's ReferenceCleaner does), so that the BPE's unchanged references compare equal.
 */
public final class TaskAuthorizationRule extends AbstractAuthorizationRule<Task>
{
	/** Allowed status changes besides draft → draft, and what each requires. */
	private enum Transition
	{
		REQUESTED_TO_IN_PROGRESS(TaskStatus.REQUESTED, TaskStatus.INPROGRESS, true, false),
		IN_PROGRESS_TO_COMPLETED(TaskStatus.INPROGRESS, TaskStatus.COMPLETED, true, true),
		REQUESTED_TO_FAILED(TaskStatus.REQUESTED, TaskStatus.FAILED, false, true),
		IN_PROGRESS_TO_FAILED(TaskStatus.INPROGRESS, TaskStatus.FAILED, true, true);

		final TaskStatus from;
		final TaskStatus to;
		final boolean recipientMustStillBeAuthorized;
		final boolean outputsAllowed;

		Transition(TaskStatus from, TaskStatus to, boolean recipientMustStillBeAuthorized, boolean outputsAllowed)
		{
			this.from = from;
			this.to = to;
			this.recipientMustStillBeAuthorized = recipientMustStillBeAuthorized;
			this.outputsAllowed = outputsAllowed;
		}

		static Optional<Transition> of(TaskStatus from, TaskStatus to)
		{
			return Arrays.stream(values()).filter(t -> t.from == from && t.to == to).findFirst();
		}
	}

	public TaskAuthorizationRule()
	{
		super(Task.class);
	}

	@Override
	public Decision create(Identity identity, Task newResource, AuthorizationContext context)
	{
		if (newResource.getStatus() == TaskStatus.DRAFT)
			return createDraft(identity, newResource, context);
		if (newResource.getStatus() == TaskStatus.REQUESTED)
			return createRequested(identity, newResource, context);
		return refused("Task.status must be draft or requested to create a Task, not " + code(newResource.getStatus()));
	}

	private Decision createDraft(Identity identity, Task task, AuthorizationContext context)
	{
		if (!isLocalOrganization(identity))
			return refused("draft Tasks may only be created by the local organization, not by "
					+ identity.displayName());

		List<String> problems = draftProblems(identity, task, context);
		if (!problems.isEmpty())
			return refused(problems);

		String identifier = taskIdentifier(task).orElseThrow();
		boolean used = context.resources("Task").stream().filter(Task.class::isInstance).map(Task.class::cast)
				.anyMatch(stored -> DsfIdentifiers.valuesOf(stored.getIdentifier(), DsfIdentifiers.TASK)
						.contains(identifier));
		if (used)
			return refused("a Task with identifier " + DsfIdentifiers.TASK + "|" + identifier + " already exists");

		return allowed("local organization, draft Task");
	}

	private Decision createRequested(Identity identity, Task task, AuthorizationContext context)
	{
		List<String> problems = new ArrayList<>();
		if (task.getIdentifier().stream().anyMatch(i -> DsfIdentifiers.TASK.equals(i.getSystem())))
			problems.add("Task.identifier with system " + DsfIdentifiers.TASK + " not allowed for requested Tasks");
		if (!task.hasRequester())
			problems.add("Task.requester missing");
		else if (!isCallersOrganization(task.getRequester(), identity, context))
			problems.add("Task.requester does not match the caller's organization " + identity.organizationIdentifier());
		problems.addAll(messageProblems(identity, task, context));
		if (!problems.isEmpty())
			return refused(problems);

		return processProblem(task, Optional.of(identity), context).map(this::refused)
				.orElseGet(() -> allowed("requested Task from " + identity.displayName()
						+ ", requester and local recipient authorized by the process"));
	}

	private List<String> draftProblems(Identity identity, Task task, AuthorizationContext context)
	{
		List<String> problems = new ArrayList<>();
		List<Identifier> taskIdentifiers = task.getIdentifier().stream()
				.filter(i -> DsfIdentifiers.TASK.equals(i.getSystem())).toList();
		if (taskIdentifiers.size() != 1)
			problems.add("Task.identifier: exactly one with system " + DsfIdentifiers.TASK + " expected for draft Tasks");
		else if (!taskIdentifiers.get(0).hasValue())
			problems.add("Task.identifier with system " + DsfIdentifiers.TASK + " has no value");

		if (!task.hasRequester())
			problems.add("Task.requester missing");
		else
			notLocalOrganization("Task.requester", task.getRequester(), identity, context).ifPresent(problems::add);

		problems.addAll(messageProblems(identity, task, context));
		return problems;
	}

	/** What draft and requested Tasks share: local recipient, process reference, message name, no outputs. */
	private List<String> messageProblems(Identity identity, Task task, AuthorizationContext context)
	{
		List<String> problems = new ArrayList<>();
		if (task.getRestriction().getRecipient().size() != 1)
			problems.add("Task.restriction.recipient: exactly one expected, found "
					+ task.getRestriction().getRecipient().size());
		else
			notLocalOrganization("Task.restriction.recipient", task.getRestriction().getRecipientFirstRep(), identity,
					context).ifPresent(problems::add);

		if (!task.hasInstantiatesCanonical())
			problems.add("Task.instantiatesCanonical missing");
		else if (InstantiatesCanonical.parse(task.getInstantiatesCanonical()).isEmpty())
			problems.add("Task.instantiatesCanonical " + task.getInstantiatesCanonical() + " not matching "
					+ InstantiatesCanonical.PATTERN.pattern());

		if (TaskInputs.messageNames(task).size() != 1)
			problems.add("Task.input: exactly one " + TaskInputs.BPMN_MESSAGE + "#" + TaskInputs.MESSAGE_NAME
					+ " with a non-blank string expected");

		if (task.hasOutput())
			problems.add("Task.output not allowed");

		return problems;
	}

	/**
	 * Why the Task's process does not authorize the local organization as recipient (and, if given, the requester);
	 * empty if it does.
	 */
	private Optional<String> processProblem(Task task, Optional<Identity> requester, AuthorizationContext context)
	{
		Optional<InstantiatesCanonical> canonical = InstantiatesCanonical.parse(task.getInstantiatesCanonical());
		if (canonical.isEmpty())
			return Optional.of("Task.instantiatesCanonical " + task.getInstantiatesCanonical() + " not matching "
					+ InstantiatesCanonical.PATTERN.pattern());
		String process = canonical.get().processUrl() + "|" + canonical.get().processVersion();

		List<ActivityDefinition> activityDefinitions = context
				.activityDefinitionsDraftOrActive(canonical.get().processUrl(), canonical.get().processVersion());
		if (activityDefinitions.isEmpty())
			return Optional.of("no ActivityDefinition " + process + " in status draft or active");

		Optional<String> messageName = TaskInputs.messageNames(task).stream().findFirst();
		if (messageName.isEmpty())
			return Optional.of("Task has no message-name input");

		List<String> profiles = task.getMeta().getProfile().stream().map(CanonicalType::getValue)
				.filter(Objects::nonNull).toList();
		Optional<ProcessAuthorization> authorization = ProcessAuthorizations.forMessage(activityDefinitions.get(0),
				messageName.get(), profiles);
		if (authorization.isEmpty())
			return Optional.of("ActivityDefinition " + process + " has no process authorization for message-name '"
					+ messageName.get() + "' and Task profile " + profiles);

		Optional<OrganizationIdentity> localOrganization = LocalOrganization.asIdentity(context);
		boolean recipientAuthorized = localOrganization
				.map(local -> authorization.get().admitsRecipient(local, context)).orElse(false);
		boolean requesterAuthorized = requester.map(r -> authorization.get().admitsRequester(r, context))
				.orElse(true);

		String message = "process " + process + ", message '" + messageName.get() + "': ";
		if (!recipientAuthorized && !requesterAuthorized)
			return Optional.of(message + "neither the local organization is an authorized recipient nor "
					+ requester.get().displayName() + " an authorized requester");
		if (!recipientAuthorized)
			return Optional.of(message + "the local organization is not an authorized recipient");
		if (!requesterAuthorized)
			return Optional.of(message + requester.get().displayName() + " is not an authorized requester");
		return Optional.empty();
	}

	@Override
	public Decision read(Identity identity, Task existing, AuthorizationContext context)
	{
		// DSF looks at the first recipient only; HAPI's getters would add empty elements, so read without them
		Reference recipient = existing.hasRestriction() && existing.getRestriction().hasRecipient()
				? existing.getRestriction().getRecipient().get(0)
				: null;
		if (identity.isLocal() && isCallersOrganization(recipient, identity, context))
			return allowed("local identity of the recipient organization");
		if (existing.hasRequester() && isCallersOrganization(existing.getRequester(), identity, context))
			return allowed("identity of the requester organization");
		return refused("Task readable only by local identities of its recipient or identities of its requester, not by "
				+ identity.displayName());
	}

	@Override
	public Decision update(Identity identity, Task oldResource, Task newResource, AuthorizationContext context)
	{
		if (!isLocalOrganization(identity))
			return refused("Tasks may only be updated by the local organization, not by " + identity.displayName());

		TaskStatus from = oldResource.getStatus();
		TaskStatus to = newResource.getStatus();
		if (from == TaskStatus.DRAFT && to == TaskStatus.DRAFT)
			return updateDraft(identity, oldResource, newResource, context);

		Optional<Transition> transition = Transition.of(from, to);
		if (transition.isEmpty())
			return refused("Task.status change " + code(from) + " -> " + code(to) + " not allowed"
					+ (from == TaskStatus.INPROGRESS && to == TaskStatus.INPROGRESS
							? " (in-progress -> in-progress is forbidden in DSF 1.9.0)"
							: ""));

		List<String> changed = changedInvariants(oldResource, newResource);
		if (!changed.isEmpty())
			return refused("Task " + String.join(", ", changed) + " must not change");

		if (!transition.get().outputsAllowed && newResource.hasOutput())
			return refused("Task.output not allowed for " + code(from) + " -> " + code(to));

		if (transition.get().recipientMustStillBeAuthorized)
		{
			Optional<String> problem = processProblem(newResource, Optional.empty(), context);
			if (problem.isPresent())
				return refused(problem.get());
		}

		return allowed("local organization, Task " + code(from) + " -> " + code(to));
	}

	private Decision updateDraft(Identity identity, Task oldResource, Task newResource, AuthorizationContext context)
	{
		List<String> problems = draftProblems(identity, newResource, context);
		if (!problems.isEmpty())
			return refused(problems);
		if (!taskIdentifier(oldResource).equals(taskIdentifier(newResource)))
			return refused("Task.identifier with system " + DsfIdentifiers.TASK + " must not change");
		return allowed("local organization, draft Task");
	}

	/** Task elements the sender defined and the recipient must not change. */
	private static List<String> changedInvariants(Task oldResource, Task newResource)
	{
		List<String> changed = new ArrayList<>();
		if (!oldResource.getRequester().equalsDeep(newResource.getRequester()))
			changed.add("Task.requester");
		if (!oldResource.getRestriction().equalsDeep(newResource.getRestriction()))
			changed.add("Task.restriction");
		if (!Objects.equals(oldResource.getInstantiatesCanonical(), newResource.getInstantiatesCanonical()))
			changed.add("Task.instantiatesCanonical");

		List<ParameterComponent> oldInputs = oldResource.getInput();
		List<ParameterComponent> newInputs = newResource.getInput();
		// the BPE adds the business-key when it starts (or fails) a process for a received Task
		if (oldResource.getStatus() == TaskStatus.REQUESTED && !TaskInputs.hasBusinessKey(oldResource)
				&& (newResource.getStatus() == TaskStatus.INPROGRESS || newResource.getStatus() == TaskStatus.FAILED))
			newInputs = newInputs.stream().filter(input -> !TaskInputs.is(input, TaskInputs.BUSINESS_KEY)).toList();

		boolean inputsSame = oldInputs.size() == newInputs.size();
		for (int i = 0; inputsSame && i < oldInputs.size(); i++)
			inputsSame = oldInputs.get(i).equalsDeep(newInputs.get(i));
		if (!inputsSame)
			changed.add("Task.input");

		return changed;
	}

	@Override
	public Decision delete(Identity identity, Task oldResource, AuthorizationContext context)
	{
		if (!isLocalOrganization(identity))
			return refused("Tasks may only be deleted by the local organization, not by " + identity.displayName());
		if (oldResource.getStatus() != TaskStatus.DRAFT)
			return refused("only draft Tasks may be deleted, this one is " + code(oldResource.getStatus()));
		return allowed("local organization, draft Task");
	}

	private static boolean isLocalOrganization(Identity identity)
	{
		return identity instanceof OrganizationIdentity && identity.isLocal();
	}

	private static Optional<String> taskIdentifier(Task task)
	{
		return DsfIdentifiers.valueOf(task.getIdentifier(), DsfIdentifiers.TASK);
	}

	private static Optional<String> notLocalOrganization(String path, Reference reference, Identity identity,
			AuthorizationContext context)
	{
		Optional<Organization> organization = organization(reference, identity, context);
		if (organization.isEmpty())
			return Optional.of(path + " does not resolve to an Organization");
		if (!LocalOrganization.is(organization.get(), context))
			return Optional.of(path + " is not the local organization");
		return Optional.empty();
	}

	private static boolean isCallersOrganization(Reference reference, Identity identity, AuthorizationContext context)
	{
		String callersOrganizationId = identity.organization().getIdElement().getIdPart();
		return organization(reference, identity, context)
				.map(o -> o.getIdElement().getIdPart().equals(callersOrganizationId)).orElse(false);
	}

	// logical references are searched with the caller's search filter, i.e. among Organizations the caller may read
	private static Optional<Organization> organization(Reference reference, Identity identity,
			AuthorizationContext context)
	{
		return ReferenceTargets
				.resolve(reference, context, r -> ReadAccessTags.grantingTag(identity, r, context).isPresent())
				.filter(Organization.class::isInstance).map(Organization.class::cast);
	}

	private static String code(TaskStatus status)
	{
		return status == null ? "(none)" : status.toCode();
	}
}
