package org.dsftestbed.runtime.container.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dsftestbed.runtime.container.organization.TestOrganizations.A;
import static org.dsftestbed.runtime.container.organization.TestOrganizations.B;
import static org.dsftestbed.runtime.container.organization.TestOrganizations.certificates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dsftestbed.fhir.server.HttpsTestClient;
import org.dsftestbed.fhir.server.LoopbackPorts;
import org.dsftestbed.pki.Thumbprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One organization as the image runs it, here in the test JVM on loopback: started from the files and variables the
 * image gets, it answers its allow list's organizations and refuses others, and its control endpoint moves its clock
 * and pauses its BPE.
 */
class StandaloneOrganizationTest
{
	@TempDir
	Path folder;

	@Test
	void startsFromDsfVariablesAndIsControlledOverHttp() throws Exception
	{
		List<Integer> ports = LoopbackPorts.free(2);
		int port = ports.get(0);
		String baseUrl = "https://localhost:" + port + "/fhir";
		Map<String, String> environment = TestOrganizations.writeA(folder, baseUrl);
		environment.put(OrganizationSettings.API_HOST, "127.0.0.1");
		environment.put(OrganizationSettings.CONTROL_PORT, String.valueOf(ports.get(1)));
		List<String> log = new ArrayList<>();

		StandaloneOrganization organization = StandaloneOrganization
				.start(OrganizationSettings.from(environment, folder), log::add);
		try
		{
			assertThat(organization.readyLine()).isEqualTo("READY " + A + " " + baseUrl);
			assertThat(organization.server().baseUrl()).isEqualTo(baseUrl);
			assertThat(log).anyMatch(line -> line.contains("listening on port " + port));
			assertThat(organization.bpe().report().loaded()).isEmpty();

			var caCertificates = certificates().pki().caCertificates();
			assertThat(new HttpsTestClient(baseUrl, certificates().organization(B).client(), caCertificates)
					.get("metadata").status()).isEqualTo(200);
			assertThat(new HttpsTestClient(baseUrl, certificates().browserUser(), caCertificates).get("metadata")
					.status()).as("a certificate not on the allow list").isEqualTo(401);

			String control = "http://127.0.0.1:" + organization.controlPort();
			assertThat(post(control + "/clock/advance?millis=60000")).isEqualTo("clock-offset-millis=60000");
			assertThat(organization.clock().offset().toMillis()).isEqualTo(60000);
			assertThat(post(control + "/bpe/pause")).isEqualTo("bpe=paused");
			assertThat(get(control + "/health")).isEqualTo(
					"UP " + A + " " + baseUrl + " clock-offset-millis=60000 bpe=paused server=online");
			assertThat(post(control + "/bpe/resume")).isEqualTo("bpe=running");

			HttpsTestClient asB = new HttpsTestClient(baseUrl, certificates().organization(B).client(), caCertificates);
			assertThat(post(control + "/server/offline")).isEqualTo("server=offline");
			assertThatThrownBy(() -> asB.get("metadata")).as("offline: connection refused")
					.isInstanceOf(ConnectException.class);
			assertThat(get(control + "/health")).endsWith(" server=offline");
			assertThat(post(control + "/server/online")).isEqualTo("server=online");
			assertThat(asB.get("metadata").status()).isEqualTo(200);

			String endpointOfB = TestOrganizations.NETWORK.organization(B).endpointIdentifier();
			assertThat(post(control + "/allow-list/remove?organization=" + B + "&endpoint=" + endpointOfB))
					.isEqualTo("removed=" + B);
			assertThat(asB.get("metadata").status()).as("B is no longer on A's allow list").isEqualTo(401);

			HttpsTestClient asA = new HttpsTestClient(baseUrl, certificates().organization(A).client(),
					caCertificates);
			assertThat(asA.get("metadata").status()).isEqualTo(200);
			assertThat(post(control + "/tls/expire?thumbprint="
					+ Thumbprint.of(certificates().organization(A).client().certificate()))).startsWith("dropped=");
			assertThatThrownBy(() -> asA.get("metadata")).as("an expired client certificate fails the handshake")
					.isInstanceOf(IOException.class).isNotInstanceOf(ConnectException.class);
		}
		finally
		{
			organization.close();
		}
		assertThatThrownBy(() -> new HttpsTestClient(baseUrl, certificates().organization(B).client(),
				certificates().pki().caCertificates()).get("metadata")).isInstanceOf(ConnectException.class);
	}

	@Test
	void theMainExitsWith2AndOneLineForAnInvalidConfiguration()
	{
		Map<String, String> environment = TestOrganizations.writeA(folder, "https://a/fhir");
		environment.remove(OrganizationSettings.BPE_CLIENT_CERTIFICATE);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int status = OrganizationMain.run(environment, folder, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(status).isEqualTo(OrganizationMain.EXIT_INVALID_CONFIGURATION);
		assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("INVALID CONFIGURATION: "
				+ OrganizationSettings.BPE_CLIENT_CERTIFICATE + " is not set" + System.lineSeparator());
		assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	private static String post(String url) throws IOException, InterruptedException
	{
		return send(HttpRequest.newBuilder(URI.create(url)).POST(BodyPublishers.noBody()).build());
	}

	private static String get(String url) throws IOException, InterruptedException
	{
		return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
	}

	private static String send(HttpRequest request) throws IOException, InterruptedException
	{
		return HttpClient.newHttpClient().send(request, BodyHandlers.ofString()).body().strip();
	}
}
