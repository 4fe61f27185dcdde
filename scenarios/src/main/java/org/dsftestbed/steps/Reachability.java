package org.dsftestbed.steps;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.dsftestbed.pki.TlsContexts;
import org.dsftestbed.runtime.RunningOrganization;

/**
 * Whether one organization gets an answer (HTTP 200 on {@code /metadata}) from another's FHIR server, asked from the
 * test JVM with the first one's client certificate at the address the runtime publishes the server under.
 */
record Reachability(boolean reachable, String detail)
{
	static Reachability check(RunningOrganization from, RunningOrganization to)
	{
		HttpClient client = HttpClient.newBuilder()
				.sslContext(TlsContexts.create(from.clientCertificate(), from.trustedCas()))
				.connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(to.connectUrl() + "/metadata"))
				.header("Accept", "application/fhir+json").timeout(Duration.ofSeconds(10)).build();
		try
		{
			int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			return new Reachability(status == 200, "HTTP " + status);
		}
		catch (IOException e)
		{
			return new Reachability(false, e.getClass().getSimpleName() + ": " + e.getMessage());
		}
		catch (InterruptedException e)
		{
			Thread.currentThread().interrupt();
			return new Reachability(false, "interrupted");
		}
	}
}
