package org.dsftestbed.fhir.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.dsftestbed.fhir.authorization.AuthorizationRules;
import org.dsftestbed.fhir.authorization.ResourceRules;
import org.dsftestbed.fhir.identity.PractitionerRoleConfig;
import org.dsftestbed.fhir.store.ResourceStore;
import org.dsftestbed.fhir.websocket.WebSocketSubscriptions;
import org.dsftestbed.pki.IssuedCertificate;
import org.hl7.fhir.r4.model.Bundle;

/**
 * How to run one organization's FHIR server.
 *
 * <pre>{@code
 * FhirServerConfig config = FhirServerConfig.of("dic.dsf.test", serverCertificate, clientCertificate, pki.caCertificates())
 * 		.withInitialBundle(allowList);
 * }</pre>
 */
public final class FhirServerConfig
{
	/** DSF's default page size ({@code DEV_DSF_FHIR_SERVER_PAGE_COUNT}). */
	public static final int DEFAULT_PAGE_COUNT = 20;
	public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

	String organizationIdentifier;
	IssuedCertificate serverCertificate;
	IssuedCertificate clientCertificate;
	List<X509Certificate> trustedCas;
	List<X509Certificate> outboundTrustedCas;
	String host = "127.0.0.1";
	int port;
	String baseUrlHost = "localhost";
	String baseUrl;
	List<Bundle> initialBundles = new ArrayList<>();
	List<PractitionerRoleConfig> practitioners = new ArrayList<>();
	int pageCount = DEFAULT_PAGE_COUNT;
	long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
	boolean validation = true;
	Clock clock = Clock.systemUTC();
	RequestListener listener = RequestListener.NONE;
	ResourceRules rules = AuthorizationRules.dsf();
	Duration webSocketPingInterval = WebSocketSubscriptions.DSF_PING_INTERVAL;
	Predicate<X509Certificate> expiredClientCertificates = certificate -> false;
	ResourceStore store;

	private FhirServerConfig()
	{
	}

	/**
	 * @param clientCertificate
	 *            the certificate the server itself uses for outbound requests (reference checks), as
	 *            {@code DEV_DSF_FHIR_CLIENT_CERTIFICATE}
	 */
	public static FhirServerConfig of(String organizationIdentifier, IssuedCertificate serverCertificate,
			IssuedCertificate clientCertificate, List<X509Certificate> trustedCas)
	{
		FhirServerConfig config = new FhirServerConfig();
		config.organizationIdentifier = Objects.requireNonNull(organizationIdentifier);
		config.serverCertificate = Objects.requireNonNull(serverCertificate);
		config.clientCertificate = Objects.requireNonNull(clientCertificate);
		config.trustedCas = List.copyOf(trustedCas);
		return config;
	}

	/** A bundle loaded at start after DSF's base bundle, typically the allow list (transaction). */
	public FhirServerConfig withInitialBundle(Bundle bundle)
	{
		initialBundles.add(bundle);
		return this;
	}

	/** Port to listen on; 0 (default) picks a free port of at most four digits, as DSF Endpoint addresses need. */
	public FhirServerConfig withPort(int port)
	{
		this.port = port;
		return this;
	}

	/** Host name in the base URL (default {@code localhost}); it must be on the server certificate. */
	public FhirServerConfig withBaseUrlHost(String host)
	{
		this.baseUrlHost = host;
		return this;
	}

	/**
	 * The server's base URL as others reach it, {@code DEV_DSF_FHIR_SERVER_BASE_URL}, e.g. {@code https://dic1/fhir}
	 * behind a port mapping or in a container; replaces the default {@code https://<base URL host>:<port>/fhir}. Its
	 * path must be {@value FhirServer#CONTEXT_PATH}, and its host must be on the server certificate.
	 *
	 * @throws IllegalArgumentException
	 *             when it is not an {@code https} URL with a host and path {@value FhirServer#CONTEXT_PATH}
	 */
	public FhirServerConfig withBaseUrl(String baseUrl)
	{
		this.baseUrl = checkBaseUrl(baseUrl).toString();
		return this;
	}

	/**
	 * @return the base URL if it has the form DSF's Endpoint rule needs, {@code https://<host>[:<port>]/fhir}
	 * @throws IllegalArgumentException
	 *             saying what is wrong with it
	 */
	public static URI checkBaseUrl(String baseUrl)
	{
		URI uri;
		try
		{
			uri = new URI(Objects.requireNonNull(baseUrl, "baseUrl"));
		}
		catch (URISyntaxException e)
		{
			throw new IllegalArgumentException("base URL '" + baseUrl + "' is not a URL: " + e.getReason());
		}
		if (!"https".equals(uri.getScheme()) || uri.getHost() == null || !FhirServer.CONTEXT_PATH.equals(uri.getPath())
				|| uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null)
			throw new IllegalArgumentException("base URL '" + baseUrl + "' is not of the form https://<host>[:<port>]"
					+ FhirServer.CONTEXT_PATH);
		return uri;
	}

	/**
	 * The CAs the server trusts for the certificates of servers it calls itself (reference checks),
	 * {@code DEV_DSF_FHIR_CLIENT_TRUST_SERVER_CERTIFICATE_CAS}; default: the CAs it trusts for client certificates.
	 */
	public FhirServerConfig withOutboundTrustedCas(List<X509Certificate> cas)
	{
		this.outboundTrustedCas = List.copyOf(cas);
		return this;
	}

	/** Interface to listen on (default 127.0.0.1). */
	public FhirServerConfig withBindAddress(String host)
	{
		this.host = host;
		return this;
	}

	public FhirServerConfig withPractitioner(PractitionerRoleConfig practitioner)
	{
		practitioners.add(practitioner);
		return this;
	}

	public FhirServerConfig withPageCount(int pageCount)
	{
		this.pageCount = pageCount;
		return this;
	}

	public FhirServerConfig withMaxBodyBytes(long maxBodyBytes)
	{
		this.maxBodyBytes = maxBodyBytes;
		return this;
	}

	/** Profile validation of created and updated resources (default on). */
	public FhirServerConfig withValidation(boolean validation)
	{
		this.validation = validation;
		return this;
	}

	public FhirServerConfig withClock(Clock clock)
	{
		this.clock = clock;
		return this;
	}

	/**
	 * The data the server starts on, e.g. restored from a {@link org.dsftestbed.fhir.store.StoreJournalFile} (a
	 * restarted DSF server on its database); without one it starts on a new, empty store with {@link #withClock the
	 * clock}. The server loads DSF's base bundle and the initial bundles into it at every start, as DSF does. The store
	 * keeps the clock it was made with.
	 */
	public FhirServerConfig withStore(ResourceStore store)
	{
		this.store = Objects.requireNonNull(store, "store");
		return this;
	}

	public FhirServerConfig withListener(RequestListener listener)
	{
		this.listener = listener;
		return this;
	}

	/** The authorization rule per resource type (DSF's rule set unless replaced). */
	public FhirServerConfig withRules(ResourceRules rules)
	{
		this.rules = rules;
		return this;
	}

	/**
	 * Interval between websocket ping frames to each subscription session (DSF: 28 s); shorter in tests. Keep it below
	 * the websocket idle timeout of 30 s.
	 */
	public FhirServerConfig withWebSocketPingInterval(Duration interval)
	{
		this.webSocketPingInterval = Objects.requireNonNull(interval);
		return this;
	}

	/**
	 * Client certificates the server refuses in the TLS handshake as expired ones, though their validity has not ended
	 * (a testbed fault: an organization's certificate expires now). Asked on every handshake.
	 */
	public FhirServerConfig withExpiredClientCertificates(Predicate<X509Certificate> expired)
	{
		this.expiredClientCertificates = Objects.requireNonNull(expired);
		return this;
	}

	public String organizationIdentifier()
	{
		return organizationIdentifier;
	}

	/** The port to listen on; 0: a free one. */
	public int port()
	{
		return port;
	}
}
