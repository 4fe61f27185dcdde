package org.dsftestbed.fhir.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code a=1&b=x|y} (as in If-None-Exist, conditional URLs and batch entry URLs) into ordered parameters. */
public final class QueryString
{
	private QueryString()
	{
	}

	public static Map<String, List<String>> parse(String query)
	{
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		if (query == null || query.isBlank())
			return parameters;
		String text = query.startsWith("?") ? query.substring(1) : query;
		for (String pair : text.split("&"))
		{
			if (pair.isEmpty())
				continue;
			String[] keyValue = pair.split("=", 2);
			String key = decode(keyValue[0]);
			String value = keyValue.length > 1 ? decode(keyValue[1]) : "";
			parameters.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
		}
		return parameters;
	}

	private static String decode(String text)
	{
		// '+' stays '+' in FHIR query values (e.g. application/fhir+json), unlike form encoding
		return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
	}
}
