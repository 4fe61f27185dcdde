package org.dsftestbed.fhir.authorization.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.StringType;

/**
 * The process-authorization extensions of an ActivityDefinition: their validity (checked when the ActivityDefinition
 * is created or updated) and the entry that governs a given Task.
 *
 * <pre>{@code
 * ProcessAuthorizations.problems(activityDefinition); // [] when valid
 * ProcessAuthorizations.forMessage(activityDefinition, "startPing", List.of(taskProfile))
 * 		.map(a -> a.admitsRequester(identity, context));
 * }</pre>
 */
public final class ProcessAuthorizations
{
	public static final String EXTENSION = "http://dsf.dev/fhir/StructureDefinition/extension-process-authorization";
	public static final String MESSAGE_NAME = "message-name";
	public static final String TASK_PROFILE = "task-profile";
	public static final String REQUESTER = "requester";
	public static final String RECIPIENT = "recipient";

	private ProcessAuthorizations()
	{
	}

	/**
	 * What is wrong with the process authorizations of an ActivityDefinition; empty if valid. Like DSF 1.9.0 this
	 * checks structure only: whether referenced organizations, roles and profiles exist is not checked.
	 */
	public static List<String> problems(ActivityDefinition activityDefinition)
	{
		List<Extension> authorizations = authorizationExtensions(activityDefinition).toList();
		if (authorizations.isEmpty())
			return List.of("no extension " + EXTENSION + ", at least one expected");

		List<String> problems = new ArrayList<>();
		for (int i = 0; i < authorizations.size(); i++)
			problems.addAll(problems("process-authorization[" + i + "]", authorizations.get(i)));

		List<String> messageNames = authorizations.stream()
				.flatMap(a -> values(a, MESSAGE_NAME, StringType.class).limit(1)).toList();
		List<String> duplicates = messageNames.stream()
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).entrySet().stream()
				.filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
		if (!duplicates.isEmpty())
			problems.add("message-name must be unique across process authorizations, duplicates " + duplicates);

		return problems;
	}

	private static List<String> problems(String where, Extension authorization)
	{
		List<String> problems = new ArrayList<>();

		List<String> messageNames = values(authorization, MESSAGE_NAME, StringType.class).toList();
		if (subExtensions(authorization, MESSAGE_NAME).count() != 1 || messageNames.size() != 1
				|| messageNames.get(0).isBlank())
			problems.add(where + " needs exactly one " + MESSAGE_NAME + " with a non-blank string");

		if (subExtensions(authorization, TASK_PROFILE).count() != 1
				|| values(authorization, TASK_PROFILE, CanonicalType.class).count() != 1)
			problems.add(where + " needs exactly one " + TASK_PROFILE + " with a canonical");

		problems.addAll(partyProblems(where, authorization, REQUESTER, PartyCoding::requester));
		problems.addAll(partyProblems(where, authorization, RECIPIENT, PartyCoding::recipient));

		return problems;
	}

	private static List<String> partyProblems(String where, Extension authorization, String url,
			Function<Coding, Optional<Party>> reader)
	{
		List<Extension> entries = subExtensions(authorization, url).toList();
		if (entries.isEmpty())
			return List.of(where + " needs at least one " + url);

		return entries.stream()
				.filter(e -> !(e.getValue() instanceof Coding coding) || reader.apply(coding).isEmpty())
				.map(e -> where + " has an invalid " + url + " " + describe(e)).toList();
	}

	private static String describe(Extension entry)
	{
		return entry.getValue() instanceof Coding coding ? coding.getSystem() + "|" + coding.getCode()
				: "(no Coding)";
	}

	/**
	 * The authorization for a Task with this message-name and these profiles ({@code meta.profile}), if the
	 * ActivityDefinition has one. Invalid requester/recipient entries are skipped.
	 */
	public static Optional<ProcessAuthorization> forMessage(ActivityDefinition activityDefinition, String messageName,
			Collection<String> taskProfiles)
	{
		return authorizationExtensions(activityDefinition).map(ProcessAuthorizations::read)
				.flatMap(Optional::stream).filter(a -> a.messageName().equals(messageName))
				.filter(a -> a.coversTaskProfiles(taskProfiles)).findFirst();
	}

	private static Optional<ProcessAuthorization> read(Extension authorization)
	{
		Optional<String> messageName = values(authorization, MESSAGE_NAME, StringType.class).findFirst();
		Optional<String> taskProfile = values(authorization, TASK_PROFILE, CanonicalType.class).findFirst();
		if (messageName.isEmpty() || taskProfile.isEmpty())
			return Optional.empty();

		return Optional.of(new ProcessAuthorization(messageName.get(), taskProfile.get(),
				parties(authorization, REQUESTER, PartyCoding::requester),
				parties(authorization, RECIPIENT, PartyCoding::recipient)));
	}

	private static List<Party> parties(Extension authorization, String url, Function<Coding, Optional<Party>> reader)
	{
		return subExtensions(authorization, url).map(Extension::getValue).filter(Coding.class::isInstance)
				.map(Coding.class::cast).map(reader).flatMap(Optional::stream).toList();
	}

	private static Stream<Extension> authorizationExtensions(ActivityDefinition activityDefinition)
	{
		return activityDefinition.getExtension().stream().filter(e -> EXTENSION.equals(e.getUrl()));
	}

	private static Stream<Extension> subExtensions(Extension extension, String url)
	{
		return extension.getExtension().stream().filter(e -> url.equals(e.getUrl()));
	}

	private static Stream<String> values(Extension extension, String url, Class<? extends PrimitiveType<?>> type)
	{
		return subExtensions(extension, url).map(Extension::getValue).filter(type::isInstance)
				.map(v -> ((PrimitiveType<?>) v).getValueAsString()).filter(Objects::nonNull);
	}
}
