package org.dsftestbed.fhir.search.parameter.basic;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Something wrong with one query parameter of a search. In lenient handling the search ignores the parameter and lists
 * the problem in an {@code outcome} entry; with {@code Prefer: handling=strict} the search fails with 400.
 * <p>
 * The three kinds are the ones the DSF FHIR server distinguishes: an unknown parameter name (or name:modifier), a
 * parameter that may appear only once given several times, and a value the parameter cannot parse.
 */
public record ParameterProblem(Kind kind, String parameter, String value, String detail)
{
	public enum Kind
	{
		UNSUPPORTED_PARAMETER, UNSUPPORTED_NUMBER_OF_VALUES, UNPARSABLE_VALUE
	}

	public static ParameterProblem unsupportedParameter(String parameter)
	{
		return new ParameterProblem(Kind.UNSUPPORTED_PARAMETER, parameter, null, null);
	}

	public static ParameterProblem tooManyValues(String parameter, String value, String detail)
	{
		return new ParameterProblem(Kind.UNSUPPORTED_NUMBER_OF_VALUES, parameter, value, detail);
	}

	/**
	 * @param detail
	 *            may be {@code null}
	 */
	public static ParameterProblem unparsableValue(String parameter, String value, String detail)
	{
		return new ParameterProblem(Kind.UNPARSABLE_VALUE, parameter, value, detail);
	}

	/** One line naming the parameter, e.g. {@code unsupported parameter 'foo'}. */
	public String describe()
	{
		String text = switch (kind)
		{
			case UNSUPPORTED_PARAMETER -> "unsupported parameter '" + parameter + "'";
			case UNSUPPORTED_NUMBER_OF_VALUES -> "parameter '" + parameter + "' allows one value only";
			case UNPARSABLE_VALUE -> "parameter '" + parameter + "' has an unusable value";
		};
		if (value != null)
			text += " '" + value + "'";
		if (detail != null)
			text += ": " + detail;
		return text;
	}

	/** All problems in one diagnostics text, separated by {@code "; "} as DSF joins them. */
	public static String describe(List<ParameterProblem> problems)
	{
		return problems.stream().map(ParameterProblem::describe).collect(Collectors.joining("; "));
	}
}
