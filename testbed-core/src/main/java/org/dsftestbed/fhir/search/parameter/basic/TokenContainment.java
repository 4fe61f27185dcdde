package org.dsftestbed.fhir.search.parameter.basic;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How DSF matches a token against a list of identifiers or codings: JSON containment ({@code list @> [{...}]}), i.e.
 * one element carries the requested fields. A resource without the list compares as NULL, so {@code :not} does not
 * select it. The {@code |code} form is counted instead; its {@code :not} selects resources with any element that has
 * another code or a system.
 */
public final class TokenContainment
{
	private TokenContainment()
	{
	}

	/**
	 * @param elements
	 *            null or empty when the resource has no such element
	 */
	public static boolean selects(List<SystemAndCode> elements, TokenValue token)
	{
		if (token.negated() && token.form() == TokenValue.Form.CODE_WITHOUT_SYSTEM)
			return elements != null && elements.stream().anyMatch(
					e -> (e.code() != null && !e.code().equals(token.code())) || e.system() != null);

		SqlTruth contained = contains(elements, token);
		return (token.negated() ? contained.not() : contained).selects();
	}

	/** The positive comparison. */
	public static SqlTruth contains(List<SystemAndCode> elements, TokenValue token)
	{
		boolean absent = elements == null || elements.isEmpty();
		if (token.form() == TokenValue.Form.CODE_WITHOUT_SYSTEM)
			return SqlTruth.of(!absent && elements.stream()
					.anyMatch(e -> Objects.equals(e.code(), token.code()) && e.system() == null));
		if (absent)
			return SqlTruth.UNKNOWN;
		return SqlTruth.of(elements.stream().anyMatch(e -> carries(e, token)));
	}

	private static boolean carries(SystemAndCode element, TokenValue token)
	{
		return switch (token.form())
		{
			case CODE -> Objects.equals(element.code(), token.code());
			case SYSTEM_AND_CODE ->
				Objects.equals(element.code(), token.code()) && Objects.equals(element.system(), token.system());
			case SYSTEM -> Objects.equals(element.system(), token.system());
			case CODE_WITHOUT_SYSTEM -> Objects.equals(element.code(), token.code()) && element.system() == null;
		};
	}

	/** DSF sorts token lists by {@code string_agg(system || code, ' ')}: elements lacking either part drop out. */
	public static String sortValue(List<SystemAndCode> elements)
	{
		String joined = elements.stream().map(SystemAndCode::concatenated).filter(Objects::nonNull)
				.collect(Collectors.joining(" "));
		return joined.isEmpty() ? null : joined;
	}
}
