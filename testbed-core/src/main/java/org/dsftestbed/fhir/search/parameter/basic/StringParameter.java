package org.dsftestbed.fhir.search.parameter.basic;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import org.dsftestbed.fhir.search.parameter.basic.Criterion;
import org.hl7.fhir.r4.model.Resource;

/**
 * A string parameter as DSF implements it: plain name = case-insensitive starts-with, {@code :contains} =
 * case-insensitive substring, {@code :exact} = case-sensitive equality.
 */
public abstract class StringParameter<R extends Resource> extends AbstractSearchParameter<R>
{
	public enum Mode
	{
		STARTS_WITH(""), EXACT(":exact"), CONTAINS(":contains");

		private final String modifier;

		Mode(String modifier)
		{
			this.modifier = modifier;
		}

		static Mode of(String modifier)
		{
			for (Mode mode : values())
				if (mode.modifier.equals(modifier))
					return mode;
			throw new IllegalArgumentException("no string modifier " + modifier);
		}
	}

	/** A requested string and how to compare it. */
	public record StringMatch(Mode mode, String value)
	{
		/** Compares as DSF's SQL does, lower-casing {@code text} for the LIKE modes. */
		public SqlTruth test(String text)
		{
			return test(text, true);
		}

		/**
		 * @param lowerCaseText
		 *            false where DSF lower-cases only the search value, not the compared text
		 */
		public SqlTruth test(String text, boolean lowerCaseText)
		{
			if (text == null)
				return SqlTruth.UNKNOWN;
			String compared = lowerCaseText ? text.toLowerCase() : text;
			return switch (mode)
			{
				case STARTS_WITH -> SqlTruth.of(SqlLike.matches(compared, value.toLowerCase() + "%"));
				case CONTAINS -> SqlTruth.of(SqlLike.matches(compared, "%" + value.toLowerCase() + "%"));
				case EXACT -> SqlTruth.of(text.equals(value));
			};
		}
	}

	protected StringParameter(Class<R> type, String name)
	{
		super(type, name, List.of(Mode.EXACT.modifier, Mode.CONTAINS.modifier));
	}

	@Override
	protected final Optional<Criterion> parseValue(String modifier, String value, ZoneId serverTimeZone,
			List<ParameterProblem> problems)
	{
		StringMatch match = new StringMatch(Mode.of(modifier), value);
		return Optional.of(criterion(name + modifier, value, resource -> test(resource, match).selects()));
	}

	protected abstract SqlTruth test(R resource, StringMatch match);
}
