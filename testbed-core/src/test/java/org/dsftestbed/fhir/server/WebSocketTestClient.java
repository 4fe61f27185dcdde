package org.dsftestbed.fhir.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.dsftestbed.pki.IssuedCertificate;
import org.dsftestbed.pki.TlsContexts;

/**
 * A websocket client with a client certificate (java.net.http), recording text messages, ping frames and the close
 * the server sends. Pongs are answered by the JDK.
 */
final class WebSocketTestClient implements WebSocket.Listener, AutoCloseable
{
	/** How long a message may take; generous, since a busy 2-core CI machine delivers late but never loses one. */
	static final Duration TIMEOUT = Duration.ofSeconds(30);

	record Close(int code, String reason)
	{
	}

	private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
	private final BlockingQueue<byte[]> pings = new LinkedBlockingQueue<>();
	private final CompletableFuture<Close> closed = new CompletableFuture<>();
	private final StringBuilder partial = new StringBuilder();
	private final WebSocket webSocket;

	private WebSocketTestClient(String baseUrl, IssuedCertificate certificate, List<X509Certificate> cas)
			throws InterruptedException, ExecutionException, TimeoutException
	{
		HttpClient client = HttpClient.newBuilder().sslContext(TlsContexts.create(certificate, cas))
				.connectTimeout(TIMEOUT).build();
		webSocket = client.newWebSocketBuilder().buildAsync(webSocketUri(baseUrl), this).get(TIMEOUT.toSeconds(),
				TimeUnit.SECONDS);
	}

	/**
	 * @throws ExecutionException
	 *             when the handshake fails (e.g. with a {@link java.net.http.WebSocketHandshakeException})
	 */
	static WebSocketTestClient connect(String baseUrl, IssuedCertificate certificate,
			List<X509Certificate> cas) throws InterruptedException, ExecutionException, TimeoutException
	{
		return new WebSocketTestClient(baseUrl, certificate, cas);
	}

	/** {@code https://host:port/fhir} → {@code wss://host:port/fhir/ws}, as the BPE derives it. */
	static URI webSocketUri(String baseUrl)
	{
		return URI.create(baseUrl.replaceFirst("^https://", "wss://") + "/ws");
	}

	void send(String text) throws Exception
	{
		webSocket.sendText(text, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
	}

	/** Sends {@code bind <id>} and returns the answer. */
	String bind(String subscriptionId) throws Exception
	{
		send("bind " + subscriptionId);
		return next();
	}

	/** The next text message; fails after {@link #TIMEOUT}. */
	String next() throws InterruptedException
	{
		String message = messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		if (message == null)
			throw new AssertionError("no websocket message within " + TIMEOUT
					+ (closed.isDone() ? ", closed: " + closed.join() : ""));
		return message;
	}

	/** The next text message if one arrives within {@code wait}. */
	String poll(Duration wait) throws InterruptedException
	{
		return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The payload of the next ping frame; fails after {@link #TIMEOUT}. */
	byte[] nextPing() throws InterruptedException
	{
		byte[] ping = pings.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		if (ping == null)
			throw new AssertionError("no websocket ping within " + TIMEOUT);
		return ping;
	}

	/** How the server closed the websocket; fails after {@link #TIMEOUT}. */
	Close awaitClose() throws Exception
	{
		return closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last)
	{
		partial.append(data);
		if (last)
		{
			messages.add(partial.toString());
			partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message)
	{
		byte[] data = new byte[message.remaining()];
		message.get(data);
		pings.add(data);
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason)
	{
		closed.complete(new Close(statusCode, reason));
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error)
	{
		closed.completeExceptionally(error);
	}

	/** Closes normally and waits for the server's answer (bounded), then drops the connection. */
	@Override
	public void close()
	{
		try
		{
			if (!webSocket.isOutputClosed())
				webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException e)
		{
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException e)
		{
			// already closed or broken; abort below
		}
		finally
		{
			webSocket.abort();
		}
	}
}
