package org.dsftestbed.fhir.server;

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
	String host = "127.0.0.1";
	int port;
	String baseUrlHost = "localhost";
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
}
