package org.dsftestbed.fhir.server;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import org.dsftestbed.network.AllowListBundle;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkPresets;
import org.dsftestbed.pki.IssuedCertificate;
import org.dsftestbed.pki.KeyType;

/**
 * The FHIR server of dic.dsf.test in the tutorial network, with clients for the local organization (dic), two
 * remote organizations (hrp, cos) and certificates the server must not accept.
 */
final class ServerFixture implements AutoCloseable
{
	static final String LOCAL = "dic.dsf.test";
	static final String REMOTE = "hrp.dsf.test";
	static final String OTHER_REMOTE = "cos.dsf.test";

	final NetworkDefinition network = NetworkPresets.load("tutorial");
	final NetworkCertificates certificates = NetworkCertificates.generate(network, KeyType.RSA_2048, Clock.systemUTC());
	final FhirServer server;

	ServerFixture(java.util.function.UnaryOperator<FhirServerConfig> customize) throws IOException
	{
		this((certificates, config) -> customize.apply(config));
	}

	/** For settings that need the network's certificates, e.g. practitioners with their own client certificates. */
	ServerFixture(java.util.function.BiFunction<NetworkCertificates, FhirServerConfig, FhirServerConfig> customize)
			throws IOException
	{
		var local = certificates.organization(LOCAL);
		FhirServerConfig config = FhirServerConfig
				.of(LOCAL, local.server(), local.client(), certificates.pki().caCertificates())
				.withInitialBundle(AllowListBundle.builder(network).thumbprints(certificates::allowListThumbprints).build());
		server = FhirServer.start(customize.apply(certificates, config));
	}

	ServerFixture() throws IOException
	{
		this(c -> c);
	}

	HttpsTestClient client(String organization)
	{
		return client(certificates.organization(organization).client());
	}

	HttpsTestClient client(IssuedCertificate certificate)
	{
		return new HttpsTestClient(server.baseUrl(), certificate, certificates.pki().caCertificates());
	}

	/** Issued by the network's CA, but on no allow list. */
	IssuedCertificate unknownCertificate()
	{
		return certificates.pki().clientCertificate("stranger-client", "Stranger");
	}

	List<java.security.cert.X509Certificate> cas()
	{
		return certificates.pki().caCertificates();
	}

	@Override
	public void close()
	{
		server.close();
	}
}
