package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLException;

import org.dsftestbed.fhir.identity.FhirServerRole;
import org.dsftestbed.fhir.identity.PractitionerRoleConfig;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mutual TLS, caller identity, formats and bad input, over real HTTPS. */
class FhirServerTransportTest
{
	private static final List<RequestRecord> records = java.util.Collections.synchronizedList(new ArrayList<>());
	private static ServerFixture fixture;

	@BeforeAll
	static void start() throws IOException
	{
		fixture = new ServerFixture(config -> config.withListener(records::add).withMaxBodyBytes(64 * 1024));
	}

	@AfterAll
	static void stop()
	{
		fixture.close();
	}

	@Test
	void baseUrlIsHttpsOnLocalhostWithAFourDigitPort()
	{
		assertThat(fixture.server.baseUrl()).matches("https://localhost:\\d{4}/fhir");
	}

	@Test
	void metadataIsServedAsXmlByDefault() throws Exception
	{
		HttpsTestClient.Response response = fixture.client(ServerFixture.LOCAL).get("metadata");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/fhir+xml");
		assertThat(response.resource(CapabilityStatement.class).getRestFirstRep().getResource())
				.extracting(r -> r.getType()).contains("Task", "Organization", "QuestionnaireResponse");
	}

	@Test
	void remoteOrganizationIsIdentifiedAndRecorded() throws Exception
	{
		HttpsTestClient.Response response = fixture.client(ServerFixture.REMOTE).get("Organization?_format=json");

		assertThat(response.status()).isEqualTo(200);
		Bundle bundle = response.resource(Bundle.class);
		assertThat(bundle.getTotal()).isEqualTo(4); // three members and the parent, all tagged ALL
		assertThat(records).anySatisfy(r ->
		{
			assertThat(r.caller()).isEqualTo(ServerFixture.REMOTE);
			assertThat(r.server()).isEqualTo(ServerFixture.LOCAL);
			assertThat(r.method()).isEqualTo("GET");
			assertThat(r.path()).isEqualTo("Organization");
			assertThat(r.status()).isEqualTo(200);
			assertThat(r.resourceType()).isEqualTo("Organization");
		});
	}

	@Test
	void certificateOfTheNetworkButNotOnTheAllowListIs401() throws Exception
	{
		HttpsTestClient.Response response = fixture.client(fixture.unknownCertificate()).get("metadata");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.resource(OperationOutcome.class).getIssueFirstRep().getDiagnostics())
				.contains("not part of the allow list");
	}

	@Test
	void browserUserIsUnknownUnlessTheRoleConfigurationListsIt() throws Exception
	{
		assertThat(fixture.client(fixture.certificates.browserUser()).get("metadata").status()).isEqualTo(401);

		Coding admin = new Coding(PractitionerRoleConfig.PRACTITIONER_ROLE_SYSTEM, "DSF_ADMIN", null);
		try (ServerFixture withPractitioner = new ServerFixture((config, certificates) -> config.withPractitioner(
				new PractitionerRoleConfig("browser", certificates.browserUser().thumbprint(),
						FhirServerRole.LOCAL_ORGANIZATION, Set.of(admin)))))
		{
			HttpsTestClient browser = withPractitioner.client(withPractitioner.certificates.browserUser());
			assertThat(browser.get("metadata").status()).isEqualTo(200);
			HttpsTestClient.Response created = browser.postJson("Library",
					FhirServerRestTest.library("http://example.org/Library/" + java.util.UUID.randomUUID()));
			assertThat(created.status()).as("a practitioner is a local identity").isEqualTo(201);
		}
	}

	@Test
	void clientWithoutCertificateIsRefusedInTheHandshake()
	{
		HttpsTestClient anonymous = new HttpsTestClient(fixture.server.baseUrl(), null, fixture.cas());
		assertThatThrownBy(() -> anonymous.get("metadata")).isInstanceOf(IOException.class)
				.satisfies(e -> assertThat(causes(e)).anyMatch(c -> c instanceof SSLException
						|| String.valueOf(c.getMessage()).contains("closed")));
	}

	@Test
	void certificateOfAForeignCaIsRefusedInTheHandshake()
	{
		var foreign = fixture.certificates.pki().faulty().foreignCaClient("hrp.dsf.test-client", "HRP");
		assertThatThrownBy(() -> fixture.client(foreign).get("metadata")).isInstanceOf(IOException.class);
	}

	@Test
	void expiredClientCertificateIsRefusedInTheHandshake()
	{
		var expired = fixture.certificates.pki().faulty().expiredClient("hrp.dsf.test-client", "HRP");
		assertThatThrownBy(() -> fixture.client(expired).get("metadata")).isInstanceOf(IOException.class);
	}

	@Test
	void unsupportedAcceptIs406AndUnsupportedFormatParameterIs415() throws Exception
	{
		HttpsTestClient client = fixture.client(ServerFixture.LOCAL);
		assertThat(client.get("metadata", "Accept", "text/plain").status()).isEqualTo(406);
		assertThat(client.get("metadata?_format=yaml").status()).isEqualTo(415);
		HttpsTestClient.Response json = client.get("metadata?_format=json&_pretty=true");
		assertThat(json.header("Content-Type")).startsWith("application/fhir+json");
		assertThat(json.body()).contains("\n  \"resourceType\"");
	}

	@Test
	void malformedBodiesAre403AndStoreNothing() throws Exception
	{
		HttpsTestClient client = fixture.client(ServerFixture.LOCAL);
		int libraries = fixture.server.store().current("Library", r -> true).size();

		for (String body : List.of("{\"resourceType\": \"Library\", \"status\": ", "not json at all",
				"{\"resourceType\": \"Patient\"}"))
		{
			HttpsTestClient.Response response = client.send("POST", "Library", body, "Content-Type",
					"application/fhir+json");
			assertThat(response.status()).as(body).isEqualTo(403);
			assertThat(response.resource(OperationOutcome.class).getIssue()).isNotEmpty();
		}
		assertThat(fixture.server.store().current("Library", r -> true)).hasSize(libraries);
		assertThat(client.get("metadata").status()).as("server keeps serving").isEqualTo(200);
	}

	@Test
	void unsupportedContentTypeIs415() throws Exception
	{
		HttpsTestClient.Response response = fixture.client(ServerFixture.LOCAL).send("POST", "Library", "a,b",
				"Content-Type", "text/csv");
		assertThat(response.status()).isEqualTo(415);
	}

	@Test
	void bodyOverTheLimitIs413() throws Exception
	{
		String big = "{\"resourceType\":\"Library\",\"description\":\"" + "x".repeat(70 * 1024) + "\"}";
		HttpsTestClient.Response response = fixture.client(ServerFixture.LOCAL).send("POST", "Library", big,
				"Content-Type", "application/fhir+json");
		assertThat(response.status()).isEqualTo(413);
	}

	@Test
	void unknownResourceTypeIs404() throws Exception
	{
		assertThat(fixture.client(ServerFixture.LOCAL).get("Unicorn").status()).isEqualTo(404);
	}

	@Test
	void postWithoutTrailingSlashIsRedirectedAsByDsf() throws Exception
	{
		var client = new HttpsTestClient(fixture.server.baseUrl().replace("/fhir", ""),
				fixture.certificates.organization(ServerFixture.LOCAL).client(), fixture.cas());
		HttpsTestClient.Response response = client.send("POST", "fhir", "{}", "Content-Type", "application/fhir+json");
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/fhir/");
	}

	private static List<Throwable> causes(Throwable e)
	{
		List<Throwable> all = new ArrayList<>();
		for (Throwable t = e; t != null; t = t.getCause())
			all.add(t);
		return all;
	}
}
