package org.dsftestbed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.dsftestbed.pki.IssuedCertificate;
import org.dsftestbed.pki.Pem;
import org.dsftestbed.pki.TlsContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code dsf-testbed up} in its own JVM, as a user runs it: it prints READY, its network.json leads a client with
 * nothing but the PEM files to every organization, and SIGTERM stops it and frees the ports.
 */
class UpCommandTest
{
	@TempDir
	Path folder;

	@Test
	void bootsPrintsReadyServesWhatNetworkJsonSaysAndStopsOnSigterm() throws Exception
	{
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), DsfTestbed.class.getName(), "up", "--network",
				"tutorial", "--out", folder.toString()).redirectErrorStream(true).start();
		List<String> output = new ArrayList<>();
		try
		{
			BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			String line;
			while ((line = lines.readLine()) != null && !line.equals("READY"))
				output.add(line);
			assertThat(line).as("output until the end: " + String.join("\n", output)).isEqualTo("READY");

			JsonNode network = new ObjectMapper().readTree(folder.resolve("network.json").toFile());
			assertThat(network.get("organizations")).hasSize(3);
			assertThat(Path.of(network.get("browserCertificate").asText())).exists();
			List<Integer> ports = new ArrayList<>();
			for (JsonNode organization : network.get("organizations"))
			{
				String identifier = organization.get("identifier").asText();
				String baseUrl = organization.get("fhirBaseUrl").asText();
				assertThat(output).anyMatch(l -> l.startsWith(identifier) && l.endsWith(baseUrl));
				ports.add(URI.create(baseUrl).getPort());
				assertThat(metadataStatus(baseUrl, organization)).isEqualTo(200);
			}

			process.destroy(); // SIGTERM
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
			for (int port : ports)
				try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress()))
				{
					assertThat(socket.getLocalPort()).isEqualTo(port);
				}
		}
		finally
		{
			process.destroyForcibly();
		}
	}

	/** ca-certificates.pem lists the root first; a certificate chain starts at the issuer. */
	private static List<java.security.cert.X509Certificate> issuingFirst(List<java.security.cert.X509Certificate> cas)
	{
		List<java.security.cert.X509Certificate> chain = new ArrayList<>(cas);
		java.util.Collections.reverse(chain);
		return chain;
	}

	/** GET metadata with only the files network.json names, as curl --cert --key --cacert would. */
	private static int metadataStatus(String baseUrl, JsonNode organization) throws Exception
	{
		var cas = Pem.readCertificates(Files.readString(Path.of(organization.get("caCertificates").asText())));
		IssuedCertificate client = new IssuedCertificate(
				Pem.readCertificates(Files.readString(Path.of(organization.get("clientCertificate").asText())))
						.get(0),
				Pem.readPrivateKey(Files.readString(Path.of(organization.get("clientKey").asText())), null),
				issuingFirst(cas));
		SSLContext tls = TlsContexts.create(client, cas);
		HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
		return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/metadata")).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}
}
