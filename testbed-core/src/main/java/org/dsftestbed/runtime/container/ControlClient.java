package org.dsftestbed.runtime.container;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * Talks to an organization container's test-only control endpoint
 * ({@link org.dsftestbed.runtime.container.organization.ControlEndpoint}) through its published port.
 */
final class ControlClient
{
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	/** Resuming a BPE waits for its catch-up; anything else answers at once. */
	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private ControlClient()
	{
	}

	/**
	 * @param baseUrl
	 *            e.g. {@code http://localhost:32770}
	 * @param pathAndQuery
	 *            e.g. {@code /clock/advance?millis=1000}
	 * @return the answer's line
	 * @throws IllegalStateException
	 *             naming the organization, the request and the answer, unless it is 200
	 */
	static String post(String organization, String baseUrl, String pathAndQuery)
	{
		return send(organization, "POST", baseUrl, pathAndQuery);
	}

	static String get(String organization, String baseUrl, String pathAndQuery)
	{
		return send(organization, "GET", baseUrl, pathAndQuery);
	}

	private static String send(String organization, String method, String baseUrl, String pathAndQuery)
	{
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(TIMEOUT)
				.method(method, BodyPublishers.noBody()).build();
		HttpResponse<String> response;
		try
		{
			response = HTTP.send(request, BodyHandlers.ofString());
		}
		catch (IOException e)
		{
			throw new IllegalStateException(organization + ": control endpoint " + method + " " + pathAndQuery
					+ " not reachable at " + baseUrl + ": " + e, e);
		}
		catch (InterruptedException e)
		{
			Thread.currentThread().interrupt();
			throw new IllegalStateException(organization + ": interrupted during " + method + " " + pathAndQuery, e);
		}
		String body = response.body().strip();
		if (response.statusCode() != 200)
			throw new IllegalStateException(organization + ": control endpoint " + method + " " + pathAndQuery
					+ " answered " + response.statusCode() + ": " + body);
		return body;
	}
}
