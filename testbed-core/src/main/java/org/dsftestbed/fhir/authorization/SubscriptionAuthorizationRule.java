package org.dsftestbed.fhir.authorization;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;

/**
 * Subscription: a websocket channel, payload absent (ping only) or FHIR JSON/XML, criteria {@code Type?params} with a
 * served type and supported parameter names; unique by (criteria, channel type, payload) — the BPE expects exactly one
 * match for its lookup — and those three unchanged on update.
 */
public final class SubscriptionAuthorizationRule extends MetaTagAuthorizationRule<Subscription>
{
	public static final Set<String> PAYLOADS = Set.of("application/fhir+json", "application/fhir+xml");

	/** Result-shaping parameters are not search criteria; DSF's search query handles them separately. */
	private static final Set<String> RESULT_PARAMETERS = Set.of("_sort", "_include", "_revinclude", "_page", "_count",
			"_format", "_pretty", "_summary");

	public SubscriptionAuthorizationRule()
	{
		super(Subscription.class);
	}

	@Override
	protected List<String> contentProblems(Subscription resource, AuthorizationContext context)
	{
		List<String> problems = new ArrayList<>();
		if (!resource.hasChannel())
			problems.add("Subscription.channel missing");
		else
		{
			if (resource.getChannel().hasPayload() && !PAYLOADS.contains(resource.getChannel().getPayload()))
				problems.add("Subscription.channel.payload " + resource.getChannel().getPayload() + " not one of "
						+ PAYLOADS);
			if (!SubscriptionChannelType.WEBSOCKET.equals(resource.getChannel().getType()))
				problems.add("Subscription.channel.type not websocket");
		}

		if (!resource.hasCriteria())
			problems.add("Subscription.criteria missing");
		else
			criteriaProblem(resource.getCriteria(), context).ifPresent(problems::add);

		return problems;
	}

	private static Optional<String> criteriaProblem(String criteria, AuthorizationContext context)
	{
		int queryStart = criteria.indexOf('?');
		String path = queryStart < 0 ? criteria : criteria.substring(0, queryStart);
		String type = path.startsWith("/") ? path.substring(1) : path;
		if (type.isEmpty() || type.contains("/"))
			return Optional.of("Subscription.criteria invalid ('" + path + "'), Type?params expected");

		Set<String> supported = context.searchParameterNames(type);
		if (supported.isEmpty())
			return Optional.of("Subscription.criteria invalid (resource '" + type + "' not supported)");

		String query = queryStart < 0 ? "" : criteria.substring(queryStart + 1);
		List<String> unsupported = Arrays.stream(query.split("&")).filter(p -> !p.isEmpty())
				.map(SubscriptionAuthorizationRule::parameterName)
				.filter(name -> !supported.contains(name) && !RESULT_PARAMETERS.contains(name)).distinct().toList();
		if (!unsupported.isEmpty())
			return Optional.of("Subscription.criteria invalid (parameters " + unsupported + " not supported)");

		return Optional.empty();
	}

	// "_profile:below=..." -> "_profile"
	private static String parameterName(String parameter)
	{
		String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
		return name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
	}

	@Override
	protected Optional<String> duplicateOf(Subscription newResource, AuthorizationContext context)
	{
		return stored(context).stream().filter(s -> sameKey(s, newResource)).findFirst()
				.map(s -> "a Subscription with criteria " + newResource.getCriteria() + ", channel type "
						+ newResource.getChannel().getType().toCode() + " and payload "
						+ newResource.getChannel().getPayload() + " already exists");
	}

	@Override
	protected Optional<String> forbiddenModification(Subscription oldResource, Subscription newResource,
			AuthorizationContext context)
	{
		return sameKey(oldResource, newResource) ? Optional.empty()
				: Optional.of("Subscription.criteria, .channel.type and .channel.payload must not change");
	}

	private static boolean sameKey(Subscription a, Subscription b)
	{
		return Objects.equals(a.getCriteria(), b.getCriteria())
				&& Objects.equals(a.getChannel().getType(), b.getChannel().getType())
				&& Objects.equals(a.getChannel().getPayload(), b.getChannel().getPayload());
	}
}
