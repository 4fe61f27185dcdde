package org.dsftestbed.fhir.search.parameter.basic;

import java.util.regex.Pattern;

/**
 * PostgreSQL's {@code LIKE}: {@code %} any run of characters, {@code _} one character, backslash escapes. DSF builds
 * LIKE patterns from request values without escaping them, so a {@code _} in a searched name or URL is a wildcard there
 * and must be one here too.
 */
public final class SqlLike
{
	private SqlLike()
	{
	}

	public static boolean matches(String text, String pattern)
	{
		return text != null && toRegex(pattern).matcher(text).matches();
	}

	private static Pattern toRegex(String pattern)
	{
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < pattern.length(); i++)
		{
			char c = pattern.charAt(i);
			if (c == '\\' && i + 1 < pattern.length())
				regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
			else if (c == '%')
				regex.append(".*");
			else if (c == '_')
				regex.append('.');
			else
				regex.append(Pattern.quote(String.valueOf(c)));
		}
		return Pattern.compile(regex.toString(), Pattern.DOTALL);
	}
}
