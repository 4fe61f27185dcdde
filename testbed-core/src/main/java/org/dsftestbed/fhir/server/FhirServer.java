package org.dsftestbed.fhir.server;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

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

	private FhirServer(FhirServerConfig config, ResourceStore store, HttpsEndpoint endpoint,
			WebSocketSubscriptions webSocket, String baseUrl)
	{
		this.config = config;
		this.store = store;
		this.endpoint = endpoint;
		this.webSocket = webSocket;
		this.baseUrl = baseUrl;
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
		ResourceStore store = new ResourceStore(config.clock);
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
			endpoint = HttpsEndpoint.start(config.organizationIdentifier, config.host, config.port,
					config.serverCertificate, config.trustedCas, CONTEXT_PATH, servlet, webSocket::install);
		}
		catch (IOException | RuntimeException e)
		{
			webSocket.close();
			throw e;
		}
		String baseUrl = "https://" + config.baseUrlHost + ":" + endpoint.port() + CONTEXT_PATH;
		try
		{
			ResourceValidator validator = config.validation ? new StoreProfileValidator(FhirContexts.r4(), store)
					: ResourceValidator.NONE;
			StoreSearcher searcher = new StoreSearcher(store, authorizer, baseUrl, config.pageCount, config.clock);
			HttpClient outbound = HttpClient.newBuilder()
					.sslContext(TlsContexts.create(config.clientCertificate, config.trustedCas))
					.connectTimeout(Duration.ofSeconds(10)).build();
			ResourceOperations operations = new ResourceOperations(store, authorizer, searcher, validator, baseUrl,
					webSocket, new ExternalReferences(store, outbound, baseUrl));
			CapabilityStatementFactory capabilities = new CapabilityStatementFactory(baseUrl,
					StoreSearcher::supportedTypes);
			loadInitialData(store, authorizationContext, baseUrl, config);
			late.set(new Interactions(operations, capabilities));
		}
		catch (RuntimeException e)
		{
			webSocket.close();
			endpoint.close();
			throw e;
		}
		logger.debug("FHIR server of {} at {}", config.organizationIdentifier, baseUrl);
		return new FhirServer(config, store, endpoint, webSocket, baseUrl);
	}

	/**
	 * DSF's base bundle, then the configured bundles, as transactions by a trusted local loader (the real server's
	 * "Initial Data Loader" identity) without profile validation: both are DSF's own or generated and validated in
	 * the testbed's tests.
	 */
	private static void loadInitialData(ResourceStore store, StoreAuthorizationContext context, String baseUrl,
			FhirServerConfig config)
	{
		Authorizer trusted = new Authorizer(ResourceRules.trusted(), context);
		StoreSearcher searcher = new StoreSearcher(store, trusted, baseUrl, config.pageCount, config.clock);
		ResourceOperations loader = new ResourceOperations(store, trusted, searcher, ResourceValidator.NONE, baseUrl,
				resource -> {}, null);
		Interactions interactions = new Interactions(loader, new CapabilityStatementFactory(baseUrl, List::of));
		Identity loaderIdentity = new OrganizationIdentity(true, new Organization(), config.organizationIdentifier,
				"initial-data-loader");
		List<Bundle> bundles = new java.util.ArrayList<>();
		bundles.add(DsfBaseBundle.copy());
		bundles.addAll(config.initialBundles);
		for (Bundle bundle : bundles)
		{
			FhirResponse response = interactions.handle(new FhirRequest(loaderIdentity, "POST", "",
					java.util.Map.of(), FhirRequest.Headers.none(), bundle, null, null));
			if (response.status() != 200)
				throw new IllegalStateException("initial bundle refused with status " + response.status());
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
