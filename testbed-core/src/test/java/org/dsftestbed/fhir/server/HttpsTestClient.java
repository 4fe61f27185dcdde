package org.dsftestbed.fhir.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.dsftestbed.fhir.context.FhirContexts;
import org.dsftestbed.pki.IssuedCertificate;
import org.dsftestbed.pki.TlsContexts;
import org.hl7.fhir.r4.model.Resource;

/**
 * A plain HTTPS client with a client certificate, to see exactly what the server sends: status, headers and body.
 */
public final class HttpsTestClient
{
	public record Response(int status, java.net.http.HttpHeaders headers, String body)
	{
		public String header(String name)
		{
			return headers.firstValue(name).orElse(null);
		}

		public <T extends Resource> T resource(Class<T> type)
		{
			boolean json = header("Content-Type") != null && header("Content-Type").contains("json");
			var parser = json ? FhirContexts.r4().newJsonParser() : FhirContexts.r4().newXmlParser();
			return parser.parseResource(type, body);
		}
	}

	private final HttpClient client;
	private final String baseUrl;

	public HttpsTestClient(String baseUrl, IssuedCertificate identity, List<java.security.cert.X509Certificate> trusted)
	{
		this.baseUrl = baseUrl;
		this.client = HttpClient.newBuilder().sslContext(TlsContexts.create(identity, trusted))
				.connectTimeout(Duration.ofSeconds(10)).build();
	}

	public Response get(String path, String... headers) throws IOException, InterruptedException
	{
		return send("GET", path, null, headers);
	}

	public Response send(String method, String path, String body, String... headers) throws IOException, InterruptedException
	{
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/" + path))
				.timeout(Duration.ofSeconds(30))
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		for (int i = 0; i + 1 < headers.length; i += 2)
			request.header(headers[i], headers[i + 1]);
		HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.headers(), response.body());
	}

	public Response postJson(String path, Resource resource, String... headers) throws IOException, InterruptedException
	{
		return withJson("POST", path, resource, headers);
	}

	public Response putJson(String path, Resource resource, String... headers) throws IOException, InterruptedException
	{
		return withJson("PUT", path, resource, headers);
	}

	private Response withJson(String method, String path, Resource resource, String... headers)
			throws IOException, InterruptedException
	{
		String[] all = new String[headers.length + 4];
		all[0] = "Content-Type";
		all[1] = "application/fhir+json";
		all[2] = "Accept";
		all[3] = "application/fhir+json";
		System.arraycopy(headers, 0, all, 4, headers.length);
		return send(method, path, FhirContexts.r4().newJsonParser().encodeResourceToString(resource), all);
	}
}
