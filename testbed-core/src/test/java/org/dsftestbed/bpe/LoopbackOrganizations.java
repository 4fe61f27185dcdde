package org.dsftestbed.bpe;

import java.io.IOException;
import java.security.KeyStore;
import java.util.Map;

import org.dsftestbed.fhir.context.FhirContexts;
import org.dsftestbed.fhir.server.FhirServer;
import org.dsftestbed.fhir.server.FhirServerConfig;
import org.dsftestbed.network.AllowListBundle;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.pki.KeyStores;
import org.hl7.fhir.r4.model.Bundle;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.dsf.fhir.client.FhirWebserviceClient;
import dev.dsf.fhir.client.FhirWebserviceClientJersey;
import dev.dsf.fhir.service.ReferenceCleanerImpl;
import dev.dsf.fhir.service.ReferenceExtractorImpl;

/**
 * What the BPE tests and benchmarks need to run organizations' FHIR servers on loopback ports: the allow list with
 * those Endpoint addresses, a server per organization and DSF's client under an organization's certificate.
 */
public final class LoopbackOrganizations
{
	private LoopbackOrganizations()
	{
	}

	/** The network's allow list; organizations in {@code ports} have {@code https://localhost:<port>/fhir} as address. */
	public static Bundle allowList(NetworkDefinition network, NetworkCertificates certificates,
			Map<String, Integer> ports)
	{
		return AllowListBundle.builder(network).thumbprints(certificates::allowListThumbprints)
				.endpointAddress(o -> ports.containsKey(o.identifier())
						? "https://localhost:" + ports.get(o.identifier()) + "/fhir"
						: o.defaultFhirBaseUrl())
				.build();
	}

	/** Starts the organization's FHIR server on {@code port} with (a copy of) the allow list. */
	public static FhirServer server(NetworkCertificates certificates, String organization, int port, Bundle allowList)
			throws IOException
	{
		var own = certificates.organization(organization);
		return FhirServer.start(FhirServerConfig
				.of(organization, own.server(), own.client(), certificates.pki().caCertificates()).withPort(port)
				.withInitialBundle(allowList.copy()));
	}

	/** DSF's client to the server under the organization's client certificate. */
	public static FhirWebserviceClient client(NetworkCertificates certificates, FhirServer server, String organization)
	{
		char[] password = "password".toCharArray();
		KeyStore keyStore = KeyStores.keyStore(certificates.organization(organization).client(), "client", password);
		KeyStore trustStore = KeyStores.trustStore(certificates.pki().caCertificates(), KeyStores.Format.PKCS12);
		return new FhirWebserviceClientJersey(server.baseUrl(), trustStore, keyStore, password, new ObjectMapper(),
				null, null, null, 5_000, 30_000, false, "DSF/1.9.0", FhirContexts.r4(),
				new ReferenceCleanerImpl(new ReferenceExtractorImpl()));
	}
}
