package org.dsftestbed.bpe.runtime;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;
import dev.dsf.bpe.v1.service.FhirWebserviceClientProvider;
import dev.dsf.fhir.client.FhirWebserviceClient;
import dev.dsf.fhir.client.FhirWebserviceClientJersey;
import dev.dsf.fhir.service.ReferenceCleanerImpl;
import dev.dsf.fhir.service.ReferenceExtractorImpl;

/**
 * DSF's own FHIR client ({@code FhirWebserviceClientJersey} 1.9.0) for the organization's server and for remote
 * servers, one per base URL, all with the organization's client certificate. Timeouts as DSF's defaults: local 2 s
 * connect / 60 s read, remote 5 s / 60 s. No forward proxy, even when the BPE environment configures one
 * ({@link ProxySettings}): the testbed's traffic stays on loopback.
 */
public final class FhirClients implements FhirWebserviceClientProvider
{
	static final String USER_AGENT = "DSF/1.9.0";

	private final FhirConnection connection;
	private final FhirContext fhirContext;
	private final FhirWebserviceClient local;
	private final Map<String, FhirWebserviceClient> remotes = new ConcurrentHashMap<>();

	public FhirClients(FhirConnection connection, FhirContext fhirContext)
	{
		this.connection = Objects.requireNonNull(connection, "connection");
		this.fhirContext = Objects.requireNonNull(fhirContext, "fhirContext");
		local = client(connection.localBaseUrl(), 2_000, 60_000);
	}

	private FhirWebserviceClient client(String baseUrl, int connectTimeout, int readTimeout)
	{
		return new FhirWebserviceClientJersey(connection.connectUrl().apply(baseUrl), connection.trustStore(),
				connection.keyStore(), connection.keyStorePassword(), new ObjectMapper(), null, null, null,
				connectTimeout, readTimeout, false, USER_AGENT, fhirContext,
				new ReferenceCleanerImpl(new ReferenceExtractorImpl()));
	}

	public String localBaseUrl()
	{
		return connection.localBaseUrl();
	}

	@Override
	public FhirWebserviceClient getLocalWebserviceClient()
	{
		return local;
	}

	@Override
	public FhirWebserviceClient getWebserviceClient(String webserviceUrl)
	{
		if (connection.localBaseUrl().equals(webserviceUrl))
			return local;
		return remotes.computeIfAbsent(webserviceUrl, url -> client(url, 5_000, 60_000));
	}
}
