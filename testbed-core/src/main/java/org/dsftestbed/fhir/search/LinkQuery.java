package org.dsftestbed.fhir.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The query string of a searchset link, built as DSF builds it with the JAX-RS {@code UriBuilder} of Jersey: each
 * {@link #replace} removes a parameter and adds it anew, names and values are percent-encoded except for unreserved
 * characters (space as {@code +}, existing {@code %XX} kept), and the parameters come out in the iteration order of a
 * {@link HashMap} keyed by encoded name. Using a HashMap with the same sequence of operations reproduces DSF's order of
 * parameters in links.
 */
final class LinkQuery
{
	private final Map<String, List<String>> parameters = new HashMap<>();

	LinkQuery replace(String name, List<String> values)
	{
		String key = encode(name);
		parameters.remove(key);
		parameters.put(key, values.stream().map(LinkQuery::encode).collect(Collectors.toCollection(ArrayList::new)));
		return this;
	}

	LinkQuery replace(String name, Object value)
	{
		return replace(name, List.of(String.valueOf(value)));
	}

	String toUrl(String base)
	{
		String query = parameters.entrySet().stream()
				.flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + v)).collect(Collectors.joining("&"));
		return query.isEmpty() ? base : base + "?" + query;
	}

	static String encode(String text)
	{
		StringBuilder encoded = new StringBuilder();
		int i = 0;
		while (i < text.length())
		{
			if (isPercentEscape(text, i))
			{
				encoded.append(text, i, i + 3);
				i += 3;
				continue;
			}

			int codePoint = text.codePointAt(i);
			if (codePoint < 0x80 && isUnreserved((char) codePoint))
				encoded.append((char) codePoint);
			else if (codePoint == ' ')
				encoded.append('+');
			else
				for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8))
					encoded.append('%').append(String.format("%02X", b & 0xFF));
			i += Character.charCount(codePoint);
		}
		return encoded.toString();
	}

	private static boolean isPercentEscape(String text, int i)
	{
		return text.charAt(i) == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1))
				&& isHex(text.charAt(i + 2));
	}

	private static boolean isUnreserved(char c)
	{
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

	private static boolean isHex(char c)
	{
		return Character.digit(c, 16) >= 0;
	}
}
