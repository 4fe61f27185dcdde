package org.dsftestbed.fhir.search.parameter.basic;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import org.dsftestbed.fhir.search.parameter.basic.Criterion;
import org.hl7.fhir.r4.model.Resource;

/** A token parameter: value parsed as {@link TokenValue}, usually with the {@code :not} modifier. */
public abstract class TokenParameter<R extends Resource> extends AbstractSearchParameter<R>
{
	public static final String NOT = ":not";

	protected TokenParameter(Class<R> type, String name)
	{
		this(type, name, List.of(NOT));
	}

	protected TokenParameter(Class<R> type, String name, List<String> modifiers)
	{
		super(type, name, modifiers);
	}

	@Override
	protected final Optional<Criterion> parseValue(String modifier, String value, ZoneId serverTimeZone,
			List<ParameterProblem> problems)
	{
		return criterion(TokenValue.parse(value, NOT.equals(modifier)), value, problems);
	}

	protected abstract Optional<Criterion> criterion(TokenValue token, String value, List<ParameterProblem> problems);

	protected final String linkName(TokenValue token)
	{
		return token.negated() ? name + NOT : name;
	}
}
