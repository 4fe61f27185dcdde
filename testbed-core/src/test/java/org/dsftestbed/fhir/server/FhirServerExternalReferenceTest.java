package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dsftestbed.network.AllowListBundle;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkPresets;
import org.dsftestbed.pki.KeyType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DSF's data-exchange pattern: a resource on one organization's server refers to a resource on another's; the
 * receiving server checks the reference with a HEAD request under its own client certificate.
 */
class FhirServerExternalReferenceTest
{
	private static final NetworkDefinition network = NetworkPresets.load("tutorial");
	private static NetworkCertificates certificates;
	private static FhirServer dic;
	private static FhirServer hrp;

	@BeforeAll
	static void start() throws IOException
	{
		certificates = NetworkCertificates.generate(network, KeyType.RSA_2048, Clock.systemUTC());
		List<Integer> free = LoopbackPorts.free(2);
		Map<String, Integer> ports = Map.of("dic.dsf.test", free.get(0), "hrp.dsf.test", free.get(1));
		var allowList = AllowListBundle.builder(network).thumbprints(certificates::allowListThumbprints)
				.endpointAddress(o -> ports.containsKey(o.identifier())
						? "https://localhost:" + ports.get(o.identifier()) + "/fhir"
						: o.defaultFhirBaseUrl())
				.build();
		dic = start("dic.dsf.test", ports.get("dic.dsf.test"), allowList.copy());
		hrp = start("hrp.dsf.test", ports.get("hrp.dsf.test"), allowList.copy());
	}

	private static FhirServer start(String organization, int port, org.hl7.fhir.r4.model.Bundle allowList)
			throws IOException
	{
		var own = certificates.organization(organization);
		return FhirServer.start(FhirServerConfig.of(organization, own.server(), own.client(),
				certificates.pki().caCertificates()).withPort(port).withInitialBundle(allowList));
	}

	@AfterAll
	static void stop()
	{
		dic.close();
		hrp.close();
	}

	private static HttpsTestClient client(FhirServer server, String organization)
	{
		return new HttpsTestClient(server.baseUrl(), certificates.organization(organization).client(),
				certificates.pki().caCertificates());
	}

	private static DocumentReference documentRelatedTo(String url)
	{
		DocumentReference document = new DocumentReference();
		document.getMeta().addTag("http://dsf.dev/fhir/CodeSystem/read-access-tag", "ALL", null);
		document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
		document.addContent().getAttachment().setContentType("text/plain").setUrl("http://example.org/doc");
		document.getContext().addRelated(new Reference(url));
		return document;
	}

	private static int documents()
	{
		return dic.store().current("DocumentReference", r -> true).size();
	}

	@Test
	void referenceToAnExistingResourceOnAnAllowListedServerIsAccepted() throws Exception
	{
		String libraryId = client(hrp, "hrp.dsf.test")
				.postJson("Library", FhirServerRestTest.library("http://example.org/Library/" + UUID.randomUUID()))
				.resource(Library.class).getIdElement().getIdPart();

		HttpsTestClient.Response response = client(dic, "dic.dsf.test")
				.postJson("DocumentReference", documentRelatedTo(hrp.baseUrl() + "/Library/" + libraryId));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	@Test
	void referenceToAMissingResourceOnAnAllowListedServerIsRefusedAndNothingStored() throws Exception
	{
		int before = documents();
		HttpsTestClient.Response response = client(dic, "dic.dsf.test")
				.postJson("DocumentReference", documentRelatedTo(hrp.baseUrl() + "/Library/" + UUID.randomUUID()));

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).contains("could not be resolved");
		assertThat(documents()).isEqualTo(before);
	}

	@Test
	void referencesToServersNotOnTheAllowListAreNotChecked() throws Exception
	{
		HttpsTestClient.Response response = client(dic, "dic.dsf.test")
				.postJson("DocumentReference", documentRelatedTo("https://elsewhere.example.org/fhir/Library/1"));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}
}
