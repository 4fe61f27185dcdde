package org.dsftestbed.connectivity.ping;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The start Task's optional {@code target-endpoints} input: an Endpoint search such as
 * {@code Endpoint?identifier=http://dsf.dev/sid/endpoint-identifier|dic2}, as the public ping-pong plugin takes it.
 * Without it every active Endpoint of the allow list is a target.
 */
public record EndpointQuery(Map<String, List<String>> parameters)
{
	private static final String RESOURCE = "Endpoint";

	/** Every active Endpoint. */
	public static EndpointQuery all()
	{
		return new EndpointQuery(Map.of("status", List.of("active")));
	}

	/**
	 * @throws IllegalArgumentException
	 *             naming the input and the expected form when the text is no Endpoint search
	 */
	public static EndpointQuery parse(String query)
	{
		String text = query == null ? "" : query.strip();
		String[] pathAndQuery = text.split("\\?", 2);
		String path = pathAndQuery[0];
		if (path.endsWith("/" + RESOURCE))
			path = RESOURCE;
		if (!RESOURCE.equals(path))
			throw new IllegalArgumentException("Task input target-endpoints '" + query
					+ "' is not an Endpoint search; write it as Endpoint?<parameters>, e.g. "
					+ "Endpoint?identifier=http://dsf.dev/sid/endpoint-identifier|dic2");

		Map<String, List<String>> parameters = new LinkedHashMap<>();
		if (pathAndQuery.length == 2)
			for (String pair : pathAndQuery[1].split("&"))
			{
				if (pair.isBlank())
					continue;
				String[] nameAndValue = pair.split("=", 2);
				if (nameAndValue.length != 2 || nameAndValue[0].isBlank())
					throw new IllegalArgumentException("Task input target-endpoints '" + query
							+ "' has a parameter without value: '" + pair + "'");
				parameters.computeIfAbsent(decode(nameAndValue[0]), n -> new ArrayList<>())
						.add(decode(nameAndValue[1]));
			}
		parameters.putIfAbsent("status", List.of("active"));
		return new EndpointQuery(parameters);
	}

	private static String decode(String text)
	{
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	/** The search parameters for one page, with the Endpoints' organizations included. */
	public Map<String, List<String>> page(int page)
	{
		Map<String, List<String>> p = new LinkedHashMap<>(parameters);
		p.put("_include", List.of("Endpoint:organization"));
		p.put("_sort", List.of("_id"));
		p.put("_page", List.of(String.valueOf(page)));
		return p;
	}
}
