package org.dsftestbed.bpe.fhir;

import java.io.IOException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import javax.net.ssl.SSLContext;

import org.dsftestbed.fhir.context.FhirContexts;
import org.dsftestbed.fhir.server.FhirServer;
import org.dsftestbed.fhir.server.FhirServerConfig;
import org.dsftestbed.network.AllowListBundle;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkPresets;
import org.dsftestbed.pki.IssuedCertificate;
import org.dsftestbed.pki.KeyStores;
import org.dsftestbed.pki.KeyType;
import org.dsftestbed.pki.TlsContexts;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.dsf.fhir.client.FhirWebserviceClient;
import dev.dsf.fhir.client.FhirWebserviceClientJersey;
import dev.dsf.fhir.service.ReferenceCleanerImpl;
import dev.dsf.fhir.service.ReferenceExtractorImpl;

/** The FHIR server of dic.dsf.test (tutorial network) with DSF clients for dic (local) and hrp (remote). */
public final class BpeFhirFixture implements AutoCloseable
{
	static final String LOCAL = "dic.dsf.test";
	static final String REMOTE = "hrp.dsf.test";

	final NetworkDefinition network = NetworkPresets.load("tutorial");
	final NetworkCertificates certificates = NetworkCertificates.generate(network, KeyType.RSA_2048,
			Clock.systemUTC());
	final FhirServer server;

	BpeFhirFixture() throws IOException
	{
		var local = certificates.organization(LOCAL);
		server = FhirServer.start(FhirServerConfig
				.of(LOCAL, local.server(), local.client(), certificates.pki().caCertificates())
				.withInitialBundle(AllowListBundle.builder(network).thumbprints(certificates::allowListThumbprints)
						.build()));
	}

	FhirWebserviceClient client(String organization)
	{
		IssuedCertificate identity = certificates.organization(organization).client();
		char[] password = "password".toCharArray();
		KeyStore keyStore = KeyStores.keyStore(identity, "client", password);
		KeyStore trustStore = KeyStores.trustStore(certificates.pki().caCertificates(), KeyStores.Format.PKCS12);
		return new FhirWebserviceClientJersey(server.baseUrl(), trustStore, keyStore, password, new ObjectMapper(),
				null, null, null, 5_000, 30_000, false, "DSF/1.9.0", FhirContexts.r4(),
				new ReferenceCleanerImpl(new ReferenceExtractorImpl()));
	}

	SSLContext sslContext(String organization)
	{
		return TlsContexts.create(certificates.organization(organization).client(),
				certificates.pki().caCertificates());
	}

	/** Polls the condition every 50 ms until it holds; fails naming {@code what} after the timeout. */
	public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException
	{
		long end = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean())
		{
			if (System.nanoTime() > end)
				throw new AssertionError("timed out waiting for " + what);
			Thread.sleep(50);
		}
	}

	@Override
	public void close()
	{
		server.close();
	}
}
