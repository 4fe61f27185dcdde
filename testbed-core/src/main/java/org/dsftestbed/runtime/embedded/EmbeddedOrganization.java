package org.dsftestbed.runtime.embedded;

import java.security.cert.X509Certificate;
import java.util.List;

import org.dsftestbed.bpe.OrganizationBpe;
import org.dsftestbed.fhir.server.FhirServer;
import org.dsftestbed.network.OrganizationDefinition;
import org.dsftestbed.pki.IssuedCertificate;
import org.dsftestbed.runtime.RunningOrganization;

/** One organization of an {@link EmbeddedNetwork}: its FHIR server and BPE in this JVM. */
public final class EmbeddedOrganization implements RunningOrganization
{
	private final OrganizationDefinition definition;
	private final FhirServer fhirServer;
	private final OrganizationBpe bpe;
	private final IssuedCertificate clientCertificate;
	private final List<X509Certificate> trustedCas;

	EmbeddedOrganization(OrganizationDefinition definition, FhirServer fhirServer, OrganizationBpe bpe,
			IssuedCertificate clientCertificate, List<X509Certificate> trustedCas)
	{
		this.definition = definition;
		this.fhirServer = fhirServer;
		this.bpe = bpe;
		this.clientCertificate = clientCertificate;
		this.trustedCas = List.copyOf(trustedCas);
	}

	@Override
	public OrganizationDefinition definition()
	{
		return definition;
	}

	@Override
	public String fhirBaseUrl()
	{
		return fhirServer.baseUrl();
	}

	@Override
	public IssuedCertificate clientCertificate()
	{
		return clientCertificate;
	}

	@Override
	public List<X509Certificate> trustedCas()
	{
		return trustedCas;
	}

	@Override
	public boolean isOnline()
	{
		return fhirServer.isOnline();
	}

	/** Its FHIR server: the store for assertions, the websocket endpoint for diagnostics. */
	public FhirServer fhirServer()
	{
		return fhirServer;
	}

	/** Its BPE: engine, loaded plugins, captured mails. */
	public OrganizationBpe bpe()
	{
		return bpe;
	}

	@Override
	public String toString()
	{
		return definition.identifier() + " " + fhirBaseUrl();
	}
}
