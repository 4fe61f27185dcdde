package org.dsftestbed.fhir.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.dsftestbed.fhir.identity.Identity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.websocket.CloseReason;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

/** One accepted websocket session: who it is, what it is bound to, its ordered outgoing messages and its pinger. */
final class Connection
{
	private static final Logger logger = LoggerFactory.getLogger(Connection.class);
	static final int PING_BYTES = 32;

	private final Session session;
	private final Identity identity;
	private final Outbox outbox;
	private final Set<String> boundSubscriptions = ConcurrentHashMap.newKeySet();
	private volatile ScheduledFuture<?> pinger;
	private volatile byte[] lastPing;
	private volatile boolean released;

	Connection(Session session, Identity identity, Outbox outbox)
	{
		this.session = session;
		this.identity = identity;
		this.outbox = outbox;
	}

	String id()
	{
		return session.getId();
	}

	Identity identity()
	{
		return identity;
	}

	/** Queues a text message behind all earlier ones. */
	void send(String text)
	{
		outbox.offer(text);
	}

	void bound(String subscriptionId)
	{
		boundSubscriptions.add(subscriptionId);
	}

	Set<String> boundSubscriptions()
	{
		return Set.copyOf(boundSubscriptions);
	}

	void pingWith(ScheduledFuture<?> pinger)
	{
		this.pinger = pinger;
	}

	/** Sends a websocket ping frame with random data; the pong is checked in {@link #pong(PongMessage)}. */
	void ping()
	{
		byte[] data = new byte[PING_BYTES];
		ThreadLocalRandom.current().nextBytes(data);
		lastPing = data;
		try
		{
			session.getAsyncRemote().sendPing(ByteBuffer.wrap(data));
		}
		catch (IOException | RuntimeException e)
		{
			logger.warn("cannot ping websocket session {}: {}", id(), e.toString());
		}
	}

	void pong(PongMessage message)
	{
		ByteBuffer buffer = message.getApplicationData();
		byte[] data = new byte[buffer.remaining()];
		buffer.get(data);
		byte[] expected = lastPing;
		if (expected != null && !Arrays.equals(expected, data))
			logger.debug("pong of websocket session {} carries {}, the last ping {}", id(),
					HexFormat.of().formatHex(data), HexFormat.of().formatHex(expected));
	}

	void close(CloseReason reason)
	{
		close(session, reason);
	}

	static void close(Session session, CloseReason reason)
	{
		try
		{
			session.close(reason);
		}
		catch (IOException | RuntimeException e)
		{
			logger.debug("cannot close websocket session {}: {}", session.getId(), e.toString());
		}
	}

	/** After the session closed: stop pinging, drop queued messages. */
	void release()
	{
		released = true;
		ScheduledFuture<?> current = pinger;
		if (current != null)
			current.cancel(false);
		outbox.close();
	}

	boolean isReleased()
	{
		return released;
	}

	int pendingMessages()
	{
		return outbox.pending();
	}
}
