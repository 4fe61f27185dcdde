package org.dsftestbed.fhir.websocket;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

/**
 * The text messages waiting for one websocket session, sent one after the other in the order they were offered.
 * Offering never blocks: sending happens asynchronously, the next message starts when the previous one is written.
 * A slow client therefore only makes its own queue grow (until the connection's idle timeout closes it); a failed
 * send is logged and the next message tried.
 */
final class Outbox
{
	private static final Logger logger = LoggerFactory.getLogger(Outbox.class);

	private final Session session;
	private final Executor executor;
	private final Queue<String> queue = new ArrayDeque<>();
	private boolean sending;
	private boolean closed;

	/**
	 * @param executor
	 *            runs the start of each send, so neither the offering thread nor the completion callback of the
	 *            previous send does it
	 */
	Outbox(Session session, Executor executor)
	{
		this.session = session;
		this.executor = executor;
	}

	void offer(String text)
	{
		synchronized (this)
		{
			if (closed)
				return;
			queue.add(text);
			if (sending)
				return;
			sending = true;
		}
		schedule();
	}

	/** Drops what is still queued; later offers are ignored. */
	void close()
	{
		synchronized (this)
		{
			closed = true;
			queue.clear();
		}
	}

	synchronized int pending()
	{
		return queue.size() + (sending ? 1 : 0);
	}

	private void schedule()
	{
		try
		{
			executor.execute(this::sendNext);
		}
		catch (RejectedExecutionException e)
		{
			// the endpoint is shutting down; nothing will be sent any more
			close();
		}
	}

	/** A session that is no longer open will not take the rest either. */
	private void dropIfClosed()
	{
		if (!session.isOpen())
			close();
	}

	private void sendNext()
	{
		String next;
		synchronized (this)
		{
			next = closed ? null : queue.poll();
			if (next == null)
			{
				sending = false;
				return;
			}
		}
		try
		{
			session.getAsyncRemote().sendText(next, this::sent);
		}
		catch (RuntimeException e)
		{
			logger.warn("cannot send to websocket session {}: {}", session.getId(), e.toString());
			dropIfClosed();
			schedule();
		}
	}

	private void sent(SendResult result)
	{
		if (!result.isOK())
			logger.warn("sending to websocket session {} failed: {}", session.getId(),
					result.getException() == null ? "unknown error" : result.getException().toString());
		if (!result.isOK())
			dropIfClosed();
		schedule();
	}
}
