package org.dsftestbed.bpe.runtime;

import java.security.KeyStore;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How one organization's BPE reaches FHIR servers: its own server's base URL as the network knows it (DSF's
 * {@code DEV_DSF_BPE_FHIR_SERVER_BASE_URL}, the address of the local Endpoint resource), the client certificate and
 * the trusted CAs used for every server, local and remote.
 *
 * @param localBaseUrl
 *            the address of the organization's Endpoint on the allow list; the local organization is found through it
 * @param keyStore
 *            the organization's client certificate with its private key
 * @param keyStorePassword
 *            password of the key store and of the key
 * @param trustStore
 *            the CAs the BPE trusts
 * @param connectUrl
 *            where a client for a base URL really connects: the testbed's servers listen on local ports while
 *            Endpoint addresses carry the network's host names; {@link UnaryOperator#identity()} when they are the
 *            same
 */
public record FhirConnection(String localBaseUrl, KeyStore keyStore, char[] keyStorePassword, KeyStore trustStore,
		UnaryOperator<String> connectUrl)
{
	public FhirConnection
	{
		Objects.requireNonNull(localBaseUrl, "localBaseUrl");
		Objects.requireNonNull(keyStore, "keyStore");
		Objects.requireNonNull(keyStorePassword, "keyStorePassword");
		Objects.requireNonNull(trustStore, "trustStore");
		Objects.requireNonNull(connectUrl, "connectUrl");
	}

	public FhirConnection(String localBaseUrl, KeyStore keyStore, char[] keyStorePassword, KeyStore trustStore)
	{
		this(localBaseUrl, keyStore, keyStorePassword, trustStore, UnaryOperator.identity());
	}
}
