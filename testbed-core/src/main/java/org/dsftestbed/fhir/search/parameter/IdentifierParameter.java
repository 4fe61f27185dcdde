package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.Criterion;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import org.dsftestbed.fhir.search.parameter.basic.SystemAndCode;
import org.dsftestbed.fhir.search.parameter.basic.TokenContainment;
import org.dsftestbed.fhir.search.parameter.basic.TokenParameter;
import org.dsftestbed.fhir.search.parameter.basic.TokenValue;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;

/**
 * {@code identifier} on a repeating {@code identifier} element (Task, Organization, Endpoint, ...): one identifier must
 * carry the requested system and/or value. With {@code :not}, resources that have identifiers but none matching.
 */
public final class IdentifierParameter<R extends Resource> extends TokenParameter<R>
{
	private final Function<R, List<Identifier>> identifiers;

	public IdentifierParameter(Class<R> type, Function<R, List<Identifier>> identifiers)
	{
		super(type, "identifier");
		this.identifiers = identifiers;
	}

	private IdentifierParameter(Class<R> type, Function<R, List<Identifier>> identifiers, List<String> modifiers)
	{
		super(type, "identifier", modifiers);
		this.identifiers = identifiers;
	}

	/** DSF 1.9.0 registers ActivityDefinition's identifier without modifiers: {@code identifier:not} is unsupported. */
	public static <R extends Resource> IdentifierParameter<R> withoutModifiers(Class<R> type,
			Function<R, List<Identifier>> identifiers)
	{
		return new IdentifierParameter<>(type, identifiers, List.of());
	}

	@Override
	protected Optional<Criterion> criterion(TokenValue token, String value, List<ParameterProblem> problems)
	{
		return Optional.of(criterion(linkName(token), token.linkValue(),
				resource -> TokenContainment.selects(elements(resource), token)));
	}

	@Override
	protected Comparable<?> sortValueOf(R resource)
	{
		return TokenContainment.sortValue(elements(resource));
	}

	private List<SystemAndCode> elements(R resource)
	{
		return identifiers.apply(resource).stream().map(SystemAndCode::of).toList();
	}
}
