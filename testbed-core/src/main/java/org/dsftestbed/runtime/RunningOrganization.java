package org.dsftestbed.runtime;

import java.security.cert.X509Certificate;
import java.util.List;

import org.dsftestbed.network.OrganizationDefinition;
import org.dsftestbed.pki.IssuedCertificate;

/** One organization of a {@link RunningNetwork}: where its FHIR server is and how to talk to it as the organization. */
public interface RunningOrganization
{
	default String identifier()
	{
		return definition().identifier();
	}

	OrganizationDefinition definition();

	/** The base URL of its FHIR server, also the address of its Endpoint on every allow list. */
	String fhirBaseUrl();

	/**
	 * Where a client outside the network (the test JVM) connects to reach its FHIR server: the base URL, unless the
	 * runtime publishes the server elsewhere, e.g. a container's port on {@code localhost} for the server whose
	 * Endpoint address is {@code https://dic1/fhir}, a name only the containers resolve.
	 */
	default String connectUrl()
	{
		return fhirBaseUrl();
	}

	/** Its client certificate with private key: the identity of its BPE, and of clients acting for it. */
	IssuedCertificate clientCertificate();

	/** The CAs its servers' certificates chain to (root and issuing CA). */
	List<X509Certificate> trustedCas();

	/** False while taken offline by {@link NetworkFaults#takeOffline(String)}. */
	boolean isOnline();
}
