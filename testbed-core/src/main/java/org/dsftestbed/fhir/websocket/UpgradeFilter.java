package org.dsftestbed.fhir.websocket;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;

import org.dsftestbed.fhir.identity.Identity;
import org.dsftestbed.fhir.identity.IdentityResolver;
import org.eclipse.jetty.websocket.jakarta.server.internal.JakartaWebSocketServerContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Upgrades websocket requests to {@link WebSocketSubscriptions#PATH}: the caller is identified by its client
 * certificate as for REST requests; an unknown certificate gets 401 (as DSF's authenticator answers), a known one a
 * websocket whose endpoint knows the identity. Other requests to the path pass on to the FHIR servlet.
 */
final class UpgradeFilter extends HttpFilter
{
	private static final long serialVersionUID = 1L;
	private static final Logger logger = LoggerFactory.getLogger(UpgradeFilter.class);
	static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

	private final transient WebSocketSubscriptions subscriptions;
	private final transient IdentityResolver identities;

	UpgradeFilter(WebSocketSubscriptions subscriptions, IdentityResolver identities)
	{
		this.subscriptions = subscriptions;
		this.identities = identities;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException
	{
		if (!isUpgrade(request))
		{
			chain.doFilter(request, response);
			return;
		}
		Optional<Identity> identity = identify(request);
		if (identity.isEmpty())
		{
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		JakartaWebSocketServerContainer container = JakartaWebSocketServerContainer
				.getContainer(request.getServletContext());
		if (container == null)
		{
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return;
		}
		try
		{
			container.upgradeHttpToWebSocket(request, response, endpointConfig(identity.get()), Map.of());
		}
		catch (DeploymentException e)
		{
			throw new ServletException(e);
		}
		if (!response.isCommitted() && response.getStatus() != HttpServletResponse.SC_SWITCHING_PROTOCOLS)
			response.sendError(HttpServletResponse.SC_BAD_REQUEST, "invalid websocket upgrade request");
	}

	private static boolean isUpgrade(HttpServletRequest request)
	{
		return "GET".equals(request.getMethod()) && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
	}

	private Optional<Identity> identify(HttpServletRequest request)
	{
		X509Certificate[] certificates = (X509Certificate[]) request.getAttribute(CERTIFICATE_ATTRIBUTE);
		if (certificates == null || certificates.length == 0)
			return Optional.empty();
		Optional<Identity> identity = identities.resolve(certificates[0]);
		if (identity.isEmpty())
			logger.warn("websocket upgrade refused: client certificate {} is not on the allow list",
					certificates[0].getSubjectX500Principal().getName());
		return identity;
	}

	/**
	 * A configuration per upgrade, whose endpoint instance is bound to the caller's identity; everything else is the
	 * container's default configurator.
	 */
	private ServerEndpointConfig endpointConfig(Identity identity)
	{
		return ServerEndpointConfig.Builder.create(SubscriptionEndpoint.class, WebSocketSubscriptions.PATH)
				.configurator(new ServerEndpointConfig.Configurator()
				{
					@Override
					public <T> T getEndpointInstance(Class<T> endpointClass)
					{
						return endpointClass.cast(new SubscriptionEndpoint(subscriptions, identity));
					}
				}).build();
	}
}
