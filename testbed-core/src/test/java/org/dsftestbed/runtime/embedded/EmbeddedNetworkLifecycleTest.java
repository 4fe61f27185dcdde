package org.dsftestbed.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dsftestbed.client.OrgClient;
import org.dsftestbed.fhir.server.HttpsTestClient;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkDefinitionReader;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults that change a network for good, and closing: each test boots its own two-organization network. */
class EmbeddedNetworkLifecycleTest
{
	private static final String A = "a.test";
	private static final String B = "b.test";

	private EmbeddedNetwork network;

	@BeforeEach
	void boot()
	{
		NetworkDefinition definition = NetworkDefinitionReader.read("""
				name: lifecycle
				parents:
				  - identifier: parent.test
				organizations:
				  - identifier: a.test
				    roles: {parent.test: [DIC]}
				  - identifier: b.test
				    roles: {parent.test: [TTP]}
				""", "lifecycle.yaml", "lifecycle", Map.of());
		network = EmbeddedRuntime.boot(EmbeddedNetworkOptions.of(definition));
	}

	@AfterEach
	void close()
	{
		network.close();
	}

	@Test
	void anOrganizationRemovedFromTheAllowListsIsAnswered401ByTheOthersButStillKnowsItself() throws Exception
	{
		EmbeddedOrganization a = network.organization(A);
		EmbeddedOrganization b = network.organization(B);
		HttpsTestClient aAtB = new HttpsTestClient(b.fhirBaseUrl(), a.clientCertificate(), a.trustedCas());
		assertThat(aAtB.get("Organization").status()).isEqualTo(200);

		network.faults().removeFromAllowLists(A);

		assertThat(aAtB.get("Organization").status()).isEqualTo(401);
		assertThat(identifiers(b)).containsExactlyInAnyOrder(B, "parent.test");
		assertThat(b.fhirServer().store().current("Endpoint", r -> true)).hasSize(1);
		assertThat(b.fhirServer().store().current("OrganizationAffiliation", r -> true)).hasSize(1);
		assertThat(identifiers(a)).containsExactlyInAnyOrder(A, B, "parent.test");
		HttpsTestClient bAtA = new HttpsTestClient(a.fhirBaseUrl(), b.clientCertificate(), b.trustedCas());
		assertThat(bAtA.get("Organization").status()).isEqualTo(200);
	}

	@Test
	void anExpiredClientCertificateIsRefusedInTheHandshakeEvenOnAConnectionOpenedBefore() throws Exception
	{
		EmbeddedOrganization a = network.organization(A);
		EmbeddedOrganization b = network.organization(B);
		try (OrgClient aAtB = OrgClient.of(a, b.fhirBaseUrl()); OrgClient bAtA = OrgClient.of(b, a.fhirBaseUrl()))
		{
			assertThat(aAtB.search(Organization.class, "Organization")).isNotEmpty(); // connection and session open

			network.faults().expireClientCertificate(A);

			assertThatThrownBy(() -> aAtB.search(Organization.class, "Organization"))
					.hasStackTraceContaining("SSL").satisfies(e -> assertThat(e).isNotInstanceOf(AssertionError.class));
			HttpsTestClient fresh = new HttpsTestClient(a.fhirBaseUrl(), a.clientCertificate(), a.trustedCas());
			assertThatThrownBy(() -> fresh.get("metadata")).isInstanceOf(javax.net.ssl.SSLException.class);
			// its server certificate is still good: b reaches a
			assertThat(bAtA.search(Organization.class, "Organization")).isNotEmpty();
		}
	}

	private static List<String> identifiers(EmbeddedOrganization organization)
	{
		return organization.fhirServer().store().current("Organization", r -> true).stream()
				.map(r -> ((Organization) r).getIdentifierFirstRep().getValue()).toList();
	}

	@Test
	void closingReleasesEveryPortAndIsIdempotent() throws IOException
	{
		List<Integer> ports = network.organizations().stream().map(o -> URI.create(o.fhirBaseUrl()).getPort())
				.toList();
		network.close();
		network.close();
		for (int port : ports)
			try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress()))
			{
				assertThat(socket.getLocalPort()).isEqualTo(port);
			}
		// the testbed's own threads (servers, websocket delivery, subscriptions, Task handlers, job executor) are gone;
		// the JDK's HttpClient has no close() before Java 21: its selector threads end when the client is collected
		assertThat(Thread.getAllStackTraces().keySet()).filteredOn(Thread::isAlive).extracting(Thread::getName)
				.noneMatch(name -> Stream.of("fhir-", "subscription-", "handler-", "bpe-")
						.anyMatch(name::startsWith));
	}
}
