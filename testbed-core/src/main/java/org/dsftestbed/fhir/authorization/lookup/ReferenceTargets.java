package org.dsftestbed.fhir.authorization.lookup;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Resolves the references an authorization rule follows, the way DSF 1.9.0 does before it stores anything:
 * <ul>
 * <li><b>literal internal</b>: {@code Type/id}, optionally {@code /_history/n} — read by id;</li>
 * <li><b>logical</b>: no {@code reference}, but {@code type} and an identifier with system and value — searched
 * among the resources of that type <i>the caller can see</i>, and only a single hit counts.</li>
 * </ul>
 * Anything else (absolute URLs, conditional references, a logical reference without {@code type}) does not resolve.
 * DSF also treats absolute URLs starting with its own base as internal; this server's rules are not told their base,
 * and DSF clients never send such references for the references rules follow.
 */
public final class ReferenceTargets
{
	private static final Pattern RELATIVE_LITERAL = Pattern
			.compile("([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})(?:/_history/[A-Za-z0-9\\-.]{1,64})?");

	private record TypeAndId(String type, String id)
	{
	}

	private ReferenceTargets()
	{
	}

	/** Whether the reference is a literal internal or a logical reference, the two kinds DSF's rules follow. */
	public static boolean isResolvableKind(Reference reference)
	{
		return literalTypeAndId(reference).isPresent() || isLogical(reference);
	}

	/**
	 * @param visibleToCaller
	 *            DSF searches logical references with the caller's search filter; pass what the caller may read
	 */
	public static Optional<Resource> resolve(Reference reference, AuthorizationContext context,
			Predicate<Resource> visibleToCaller)
	{
		if (reference == null)
			return Optional.empty();

		Optional<TypeAndId> literal = literalTypeAndId(reference);
		if (literal.isPresent())
			return context.resource(literal.get().type(), literal.get().id());

		if (isLogical(reference))
		{
			Identifier wanted = reference.getIdentifier();
			List<Resource> hits = context.resources(reference.getType()).stream()
					.filter(r -> hasIdentifier(r, wanted)).filter(visibleToCaller).limit(2).toList();
			return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
		}

		return Optional.empty();
	}

	/** A literal internal reference only, e.g. OrganizationAffiliation.organization. */
	public static Optional<Resource> resolveLiteral(Reference reference, AuthorizationContext context)
	{
		return literalTypeAndId(reference).flatMap(literal -> context.resource(literal.type(), literal.id()));
	}

	/** {@code Type/id} of a relative literal reference, without the version. */
	public static Optional<String> literalTypeAndIdOf(Reference reference)
	{
		return literalTypeAndId(reference).map(literal -> literal.type() + "/" + literal.id());
	}

	private static Optional<TypeAndId> literalTypeAndId(Reference reference)
	{
		if (reference == null || !reference.hasReference())
			return Optional.empty();

		Matcher matcher = RELATIVE_LITERAL.matcher(reference.getReference());
		return matcher.matches() ? Optional.of(new TypeAndId(matcher.group(1), matcher.group(2))) : Optional.empty();
	}

	// DSF classifies a reference as logical only with type, identifier.system and identifier.value
	private static boolean isLogical(Reference reference)
	{
		return reference != null && !reference.hasReference() && reference.hasType() && reference.hasIdentifier()
				&& reference.getIdentifier().hasSystem() && reference.getIdentifier().hasValue();
	}

	private static boolean hasIdentifier(Resource resource, Identifier wanted)
	{
		Base[] identifiers = resource.listChildrenByName("identifier", false);
		return identifiers != null && Stream.of(identifiers).filter(Identifier.class::isInstance)
				.map(Identifier.class::cast).anyMatch(i -> Objects.equals(i.getSystem(), wanted.getSystem())
						&& Objects.equals(i.getValue(), wanted.getValue()));
	}
}
