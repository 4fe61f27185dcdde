package org.dsftestbed.fhir.server;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.dsftestbed.fhir.authorization.ResourceRules;
import org.dsftestbed.fhir.context.FhirContexts;
import org.dsftestbed.fhir.identity.Identity;
import org.dsftestbed.fhir.identity.IdentityResolver;
import org.dsftestbed.fhir.identity.OrganizationIdentity;
import org.dsftestbed.fhir.rest.Authorizer;
import org.dsftestbed.fhir.rest.CapabilityStatementFactory;
import org.dsftestbed.fhir.rest.ExternalReferences;
import org.dsftestbed.fhir.rest.FhirException;
import org.dsftestbed.fhir.rest.FhirRequest;
import org.dsftestbed.fhir.rest.FhirResponse;
import org.dsftestbed.fhir.rest.Interactions;
import org.dsftestbed.fhir.rest.ResourceOperations;
import org.dsftestbed.fhir.rest.ResourceValidator;
import org.dsftestbed.fhir.store.ResourceStore;
import org.dsftestbed.fhir.validation.StoreProfileValidator;
import org.dsftestbed.fhir.websocket.WebSocketSubscriptions;
import org.dsftestbed.pki.TlsContexts;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Organization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FHIR server of one embedded DSF organization: HTTPS with mutual TLS on a loopback port, DSF's base resources
 * and the organization's allow list loaded at start, DSF's authorization rules, profile validation and search, and
 * the websocket subscription endpoint at {@code wss://<host>:<port>/fhir/ws}.
 *
 * <pre>{@code
 * try (FhirServer server = FhirServer.start(FhirServerConfig.of("dic.dsf.test", server, client, cas).withInitialBundle(allowList)))
 * {
 * 	String base = server.baseUrl(); // https://localhost:4711/fhir
 * }
 * }</pre>
 */
public final class FhirServer implements AutoCloseable
{
	private static final Logger logger = LoggerFactory.getLogger(FhirServer.class);
	public static final String CONTEXT_PATH = "/fhir";

	private final FhirServerConfig config;
	private final ResourceStore store;
	private final HttpsEndpoint endpoint;
	private final WebSocketSubscriptions webSocket;
	private final String baseUrl;
	private final TrustedLoader trustedLoader;

	private FhirServer(FhirServerConfig config, ResourceStore store, HttpsEndpoint endpoint,
			WebSocketSubscriptions webSocket, String baseUrl, TrustedLoader trustedLoader)
	{
		this.config = config;
		this.store = store;
		this.endpoint = endpoint;
		this.webSocket = webSocket;
		this.baseUrl = baseUrl;
		this.trustedLoader = trustedLoader;
	}

	/**
	 * Starts the server and loads its initial data.
	 *
	 * @throws IOException
	 *             when no port can be bound
	 * @throws FhirException
	 *             when an initial bundle is refused (the message names the entry)
	 */
	public static FhirServer start(FhirServerConfig config) throws IOException
	{
		ResourceStore store = config.store != null ? config.store : new ResourceStore(config.clock);
		StoreAuthorizationContext authorizationContext = new StoreAuthorizationContext(store,
				config.organizationIdentifier);
		IdentityResolver identities = new IdentityResolver(store, config.organizationIdentifier, config.practitioners);

		// the base URL is known only once the port is bound, so the servlet reaches the interactions late
		LateInteractions late = new LateInteractions();
		FhirServlet servlet = new FhirServlet(FhirContexts.r4(), identities, late, config.listener,
				config.organizationIdentifier, config.maxBodyBytes);
		Authorizer authorizer = new Authorizer(config.rules, authorizationContext);
		WebSocketSubscriptions webSocket = new WebSocketSubscriptions(store, authorizer, identities,
				config.organizationIdentifier, config.webSocketPingInterval);
		HttpsEndpoint endpoint;
		try
		{
			SSLContext tls = TlsContexts.createServer(config.serverCertificate, config.trustedCas,
					config.expiredClientCertificates);
			endpoint = HttpsEndpoint.start(config.organizationIdentifier, config.host, config.port, tls, CONTEXT_PATH,
					servlet, webSocket::install);
		}
		catch (IOException | RuntimeException e)
		{
			webSocket.close();
			throw e;
		}
		String baseUrl = config.baseUrl != null ? config.baseUrl
				: "https://" + config.baseUrlHost + ":" + endpoint.port() + CONTEXT_PATH;
		TrustedLoader trustedLoader;
		try
		{
			ResourceValidator validator = config.validation ? new StoreProfileValidator(FhirContexts.r4(), store)
					: ResourceValidator.NONE;
			StoreSearcher searcher = new StoreSearcher(store, authorizer, baseUrl, config.pageCount, config.clock);
			HttpClient outbound = HttpClient.newBuilder()
					.sslContext(TlsContexts.create(config.clientCertificate,
							config.outboundTrustedCas != null ? config.outboundTrustedCas : config.trustedCas))
					.connectTimeout(Duration.ofSeconds(10)).build();
			ResourceOperations operations = new ResourceOperations(store, authorizer, searcher, validator, baseUrl,
					webSocket, new ExternalReferences(store, outbound, baseUrl));
			CapabilityStatementFactory capabilities = new CapabilityStatementFactory(baseUrl,
					StoreSearcher::supportedTypes);
			trustedLoader = new TrustedLoader(store, authorizationContext, baseUrl, config);
			trustedLoader.load(DsfBaseBundle.copy());
			config.initialBundles.forEach(trustedLoader::load);
			late.set(new Interactions(operations, capabilities));
		}
		catch (RuntimeException e)
		{
			webSocket.close();
			endpoint.close();
			throw e;
		}
		logger.debug("FHIR server of {} at {}", config.organizationIdentifier, baseUrl);
		return new FhirServer(config, store, endpoint, webSocket, baseUrl, trustedLoader);
	}

	/**
	 * Applies bundles as DSF's trusted "Initial Data Loader" identity does at start-up: DSF's base bundle, the
	 * configured bundles, and later allow-list changes ({@link FhirServer#loadTrusted}). No profile validation: the
	 * bundles are DSF's own or generated and validated in the testbed's tests.
	 */
	private static final class TrustedLoader
	{
		private final Interactions interactions;
		private final Identity identity;

		TrustedLoader(ResourceStore store, StoreAuthorizationContext context, String baseUrl, FhirServerConfig config)
		{
			Authorizer trusted = new Authorizer(ResourceRules.trusted(), context);
			StoreSearcher searcher = new StoreSearcher(store, trusted, baseUrl, config.pageCount, config.clock);
			ResourceOperations loader = new ResourceOperations(store, trusted, searcher, ResourceValidator.NONE,
					baseUrl, resource -> {}, null);
			interactions = new Interactions(loader, new CapabilityStatementFactory(baseUrl, List::of));
			identity = new OrganizationIdentity(true, new Organization(), config.organizationIdentifier,
					"initial-data-loader");
		}

		Bundle load(Bundle bundle)
		{
			FhirResponse response = interactions.handle(new FhirRequest(identity, "POST", "", java.util.Map.of(),
					FhirRequest.Headers.none(), bundle, null, null));
			if (response.status() != 200)
				throw new IllegalStateException("bundle refused with status " + response.status());
			return (Bundle) response.body();
		}
	}

	public String baseUrl()
	{
		return baseUrl;
	}

	public int port()
	{
		return endpoint.port();
	}

	public String organizationIdentifier()
	{
		return config.organizationIdentifier;
	}

	/** The server's data, for assertions (e.g. that a refused request stored nothing). */
	public ResourceStore store()
	{
		return store;
	}

	/** The websocket subscription endpoint ({@code wss://<host>:<port>/fhir/ws}), for diagnostics and tests. */
	public WebSocketSubscriptions webSocket()
	{
		return webSocket;
	}

	/**
	 * Applies a batch or transaction Bundle as the server's trusted loader, the way an operator changes the allow list
	 * of a running DSF server (e.g. removing an organization). Websocket subscribers are not told about these changes.
	 *
	 * @return the response Bundle
	 * @throws FhirException
	 *             naming the entry when a transaction entry is refused
	 */
	public Bundle loadTrusted(Bundle bundle)
	{
		return trustedLoader.load(bundle);
	}

	/**
	 * Takes the server off the network: its port stops accepting connections (clients get "connection refused") and
	 * open connections, websockets included, are dropped. Data and subscriptions stay; {@link #goOnline()} listens on
	 * the same port again.
	 */
	public void goOffline()
	{
		endpoint.stopAccepting();
	}

	/** Listens on the server's port again after {@link #goOffline()}. */
	public void goOnline() throws IOException
	{
		endpoint.startAccepting();
	}

	public boolean isOnline()
	{
		return endpoint.isAccepting();
	}

	/**
	 * Drops the open connections of clients that presented a certificate the server now treats as expired
	 * ({@link FhirServerConfig#withExpiredClientCertificates}), so that their next request needs a new handshake.
	 *
	 * @return how many connections were dropped
	 */
	public int dropExpiredClients()
	{
		return endpoint.closeConnectionsOf(config.expiredClientCertificates);
	}

	/** Delays every request (and websocket upgrade) by this much before it is handled; zero to stop. */
	public void setLatency(Duration latency)
	{
		endpoint.setLatency(latency);
	}

	@Override
	public void close()
	{
		webSocket.close();
		endpoint.close();
	}

	/** Hands requests to the interactions once they exist; until then the server answers 503. */
	private static final class LateInteractions implements InteractionHandler
	{
		private volatile Interactions interactions;

		void set(Interactions interactions)
		{
			this.interactions = interactions;
		}

		@Override
		public FhirResponse handle(FhirRequest request)
		{
			Interactions current = interactions;
			if (current == null)
				throw new FhirException(503, org.hl7.fhir.r4.model.OperationOutcome.IssueType.TRANSIENT,
						"server is starting");
			return current.handle(request);
		}
	}
}
