package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.Criterion;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import org.dsftestbed.fhir.search.parameter.basic.AbstractSearchParameter;
import org.dsftestbed.fhir.search.parameter.basic.SqlTruth;
import org.hl7.fhir.r4.model.Resource;

/**
 * {@code active} ({@code true} or {@code false} only). A resource without {@code active} matches neither value, as in
 * DSF's SQL.
 */
public final class ActiveParameter<R extends Resource> extends AbstractSearchParameter<R>
{
	private final Function<R, Boolean> active;

	/**
	 * @param active
	 *            the flag, null if absent
	 */
	public ActiveParameter(Class<R> type, Function<R, Boolean> active)
	{
		super(type, "active", List.of());
		this.active = active;
	}

	@Override
	protected Optional<Criterion> parseValue(String modifier, String value, ZoneId serverTimeZone,
			List<ParameterProblem> problems)
	{
		if (!"true".equals(value) && !"false".equals(value))
		{
			problems.add(ParameterProblem.unparsableValue(name, value, "true or false expected"));
			return Optional.empty();
		}

		Boolean requested = Boolean.valueOf(value);
		return Optional.of(
				criterion(name, value, resource -> SqlTruth.equal(active.apply(resource), requested).selects()));
	}

	@Override
	protected Comparable<?> sortValueOf(R resource)
	{
		return active.apply(resource);
	}
}
