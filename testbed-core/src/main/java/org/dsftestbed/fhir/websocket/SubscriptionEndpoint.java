package org.dsftestbed.fhir.websocket;

import org.dsftestbed.fhir.identity.FhirServerRole;
import org.dsftestbed.fhir.identity.Identity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

/**
 * The server side of one websocket connection, created per upgrade for the identity of its client certificate.
 * Identities without the WEBSOCKET role are closed with VIOLATED_POLICY right after the handshake; the others may
 * send {@code bind <subscription id>} (any number of times); every other text is ignored.
 * <p>
 * Public only because the websocket container requires it; created by the endpoint itself.
 */
public final class SubscriptionEndpoint extends Endpoint
{
	private static final Logger logger = LoggerFactory.getLogger(SubscriptionEndpoint.class);
	static final String BIND = "bind ";

	private final WebSocketSubscriptions subscriptions;
	private final Identity identity;
	private volatile Connection connection;

	SubscriptionEndpoint(WebSocketSubscriptions subscriptions, Identity identity)
	{
		this.subscriptions = subscriptions;
		this.identity = identity;
	}

	@Override
	public void onOpen(Session session, EndpointConfig config)
	{
		if (!identity.hasRole(FhirServerRole.WEBSOCKET))
		{
			logger.info("websocket of {} closed: role {} missing", identity.displayName(), FhirServerRole.WEBSOCKET);
			Connection.close(session, new CloseReason(CloseCodes.VIOLATED_POLICY, "Forbidden"));
			return;
		}
		Connection opened = subscriptions.open(session, identity);
		if (opened == null)
			return;
		connection = opened;
		// anonymous classes, not lambdas: the container reads the message type from the handler's type arguments
		session.addMessageHandler(new MessageHandler.Whole<String>()
		{
			@Override
			public void onMessage(String message)
			{
				if (message != null && message.startsWith(BIND))
					subscriptions.bind(opened, message.substring(BIND.length()));
			}
		});
		session.addMessageHandler(new MessageHandler.Whole<PongMessage>()
		{
			@Override
			public void onMessage(PongMessage message)
			{
				opened.pong(message);
			}
		});
	}

	@Override
	public void onClose(Session session, CloseReason closeReason)
	{
		Connection current = connection;
		if (current != null)
			subscriptions.closed(current);
	}

	@Override
	public void onError(Session session, Throwable error)
	{
		logger.info("websocket session {} of {}: {}", session.getId(), identity.displayName(),
				error == null ? "unknown error" : error.toString());
	}
}
