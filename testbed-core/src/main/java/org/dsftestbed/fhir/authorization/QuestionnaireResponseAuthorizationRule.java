package org.dsftestbed.fhir.authorization;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.dsftestbed.fhir.identity.Identity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.StringType;

/**
 * QuestionnaireResponse (a BPE user task): local identities only, for every operation — user tasks never leave the
 * organization. The BPE creates it {@code in-progress} with exactly one {@code user-task-id} item answered by one
 * string and a {@code questionnaire}; a user then completes or stops it without touching {@code user-task-id},
 * {@code business-key} or {@code questionnaire}, which the BPE uses to continue the process.
 */
public final class QuestionnaireResponseAuthorizationRule extends AbstractAuthorizationRule<QuestionnaireResponse>
{
	public static final String USER_TASK_ID = "user-task-id";
	public static final String BUSINESS_KEY = "business-key";

	private static final Set<QuestionnaireResponseStatus> CREATE_STATUS = EnumSet
			.of(QuestionnaireResponseStatus.INPROGRESS);
	private static final Set<QuestionnaireResponseStatus> UPDATE_STATUS = EnumSet
			.of(QuestionnaireResponseStatus.COMPLETED, QuestionnaireResponseStatus.STOPPED);

	public QuestionnaireResponseAuthorizationRule()
	{
		super(QuestionnaireResponse.class);
	}

	@Override
	public Decision create(Identity identity, QuestionnaireResponse newResource, AuthorizationContext context)
	{
		if (!identity.isLocal())
			return refusedNotLocal("created", identity);

		List<String> problems = problems(newResource, CREATE_STATUS);
		return problems.isEmpty() ? allowed("local identity, QuestionnaireResponse in-progress") : refused(problems);
	}

	@Override
	public Decision read(Identity identity, QuestionnaireResponse existing, AuthorizationContext context)
	{
		return identity.isLocal() ? allowed("local identity") : refusedNotLocal("read", identity);
	}

	@Override
	public Decision update(Identity identity, QuestionnaireResponse oldResource, QuestionnaireResponse newResource,
			AuthorizationContext context)
	{
		if (!identity.isLocal())
			return refusedNotLocal("updated", identity);

		List<String> problems = problems(newResource, UPDATE_STATUS);
		if (!problems.isEmpty())
			return refused(problems);

		List<String> changes = forbiddenChanges(oldResource, newResource);
		return changes.isEmpty() ? allowed("local identity, QuestionnaireResponse " + newResource.getStatus().toCode())
				: refused(changes);
	}

	@Override
	public Decision delete(Identity identity, QuestionnaireResponse oldResource, AuthorizationContext context)
	{
		return identity.isLocal() ? allowed("local identity") : refusedNotLocal("deleted", identity);
	}

	private Decision refusedNotLocal(String operation, Identity identity)
	{
		return refused("QuestionnaireResponse may only be " + operation + " by local identities, not by "
				+ identity.displayName());
	}

	private static List<String> problems(QuestionnaireResponse resource, Set<QuestionnaireResponseStatus> allowed)
	{
		List<String> problems = new ArrayList<>();
		if (!resource.hasStatus())
			problems.add("QuestionnaireResponse.status missing");
		else if (!allowed.contains(resource.getStatus()))
			problems.add("QuestionnaireResponse.status " + resource.getStatus().toCode() + " not one of "
					+ allowed.stream().map(QuestionnaireResponseStatus::toCode).toList());

		if (answer(resource, USER_TASK_ID).isEmpty())
			problems.add("QuestionnaireResponse.item '" + USER_TASK_ID
					+ "' missing, repeated, or not answered by exactly one non-blank string");

		if (!resource.hasQuestionnaire())
			problems.add("QuestionnaireResponse.questionnaire missing");

		return problems;
	}

	private static List<String> forbiddenChanges(QuestionnaireResponse oldResource, QuestionnaireResponse newResource)
	{
		List<String> changes = new ArrayList<>();
		if (!QuestionnaireResponseStatus.INPROGRESS.equals(oldResource.getStatus()))
			changes.add("only an in-progress QuestionnaireResponse may be completed or stopped, this one is "
					+ (oldResource.hasStatus() ? oldResource.getStatus().toCode() : "without status"));
		if (!answer(oldResource, USER_TASK_ID).equals(answer(newResource, USER_TASK_ID)))
			changes.add("item '" + USER_TASK_ID + "' must not change");
		if (!answer(oldResource, BUSINESS_KEY).equals(answer(newResource, BUSINESS_KEY)))
			changes.add("item '" + BUSINESS_KEY + "' must not change");
		if (!oldResource.hasQuestionnaire() || !Objects.equals(oldResource.getQuestionnaire(),
				newResource.getQuestionnaire()))
			changes.add("QuestionnaireResponse.questionnaire must not change");
		return changes;
	}

	/** The single non-blank string answer of the single item with this linkId. */
	private static Optional<String> answer(QuestionnaireResponse resource, String linkId)
	{
		List<QuestionnaireResponseItemComponent> items = resource.getItem().stream()
				.filter(i -> linkId.equals(i.getLinkId())).toList();
		if (items.size() != 1 || items.get(0).getAnswer().size() != 1)
			return Optional.empty();

		return items.get(0).getAnswerFirstRep().getValue() instanceof StringType value && value.hasValue()
				? Optional.of(value.getValue())
				: Optional.empty();
	}
}
