package org.dsftestbed.runtime.container.organization;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The test-only control endpoint of an organization container: what the embedded runtime does by a method call (move
 * simulated time, pause and resume the BPE) cannot reach into a container otherwise. Plain HTTP without
 * authentication, on its own port: never publish it outside a test network.
 *
 * <pre>
 * GET  /health                   200 "UP &lt;identifier&gt; &lt;base url&gt; clock-offset-millis=&lt;n&gt; bpe=running|paused"
 * POST /clock/advance?millis=&lt;n&gt;  200 "clock-offset-millis=&lt;n&gt;"; due BPMN timers fire
 * POST /bpe/pause                200: the BPE stops taking Tasks
 * POST /bpe/resume               200 once the BPE has resubscribed (catch-up done)
 * </pre>
 *
 * Wrong method: 405; unknown path: 404; missing, negative or malformed {@code millis}: 400; an action that fails: 500
 * with its message. Every answer is one line of {@code text/plain}.
 */
public final class ControlEndpoint implements AutoCloseable
{
	/** What the endpoint controls. */
	public interface Actions
	{
		/** @return the new offset of the simulated clock from real time */
		Duration advanceClock(Duration amount);

		void pauseBpe();

		void resumeBpe() throws Exception;

		/** One line describing the organization's state. */
		String health();
	}

	private record Answer(int status, String text)
	{
	}

	private final HttpServer server;
	private final ExecutorService executor;

	private ControlEndpoint(HttpServer server, ExecutorService executor)
	{
		this.server = server;
		this.executor = executor;
	}

	/**
	 * @param port
	 *            0 for any free port
	 * @throws IOException
	 *             when the port cannot be bound
	 */
	public static ControlEndpoint start(String host, int port, Actions actions) throws IOException
	{
		HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
		ExecutorService executor = Executors.newSingleThreadExecutor(r ->
		{
			Thread thread = new Thread(r, "control-endpoint");
			thread.setDaemon(true);
			return thread;
		});
		server.setExecutor(executor);
		server.createContext("/", exchange -> respond(exchange, answer(exchange, actions)));
		server.start();
		return new ControlEndpoint(server, executor);
	}

	public int port()
	{
		return server.getAddress().getPort();
	}

	private static Answer answer(HttpExchange exchange, Actions actions)
	{
		String method = exchange.getRequestMethod();
		URI uri = exchange.getRequestURI();
		String path = uri.getPath();
		String expectedMethod = switch (path)
		{
			case "/health" -> "GET";
			case "/clock/advance", "/bpe/pause", "/bpe/resume" -> "POST";
			default -> null;
		};
		if (expectedMethod == null)
			return new Answer(404, "unknown path " + path + "; known: GET /health, POST /clock/advance?millis=<n>, "
					+ "POST /bpe/pause, POST /bpe/resume");
		if (!expectedMethod.equals(method))
			return new Answer(405, path + " takes " + expectedMethod + ", not " + method);
		try
		{
			return switch (path)
			{
				case "/health" -> new Answer(200, actions.health());
				case "/clock/advance" -> advance(uri.getRawQuery(), actions);
				case "/bpe/pause" ->
				{
					actions.pauseBpe();
					yield new Answer(200, "bpe=paused");
				}
				default ->
				{
					actions.resumeBpe();
					yield new Answer(200, "bpe=running");
				}
			};
		}
		catch (Exception e)
		{
			return new Answer(500, path + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
		}
	}

	private static Answer advance(String query, Actions actions)
	{
		String millis = null;
		if (query != null)
			for (String parameter : query.split("&"))
				if (parameter.startsWith("millis="))
					millis = parameter.substring("millis=".length());
		long amount;
		try
		{
			amount = Long.parseLong(millis == null ? "" : millis);
		}
		catch (NumberFormatException e)
		{
			return new Answer(400, "/clock/advance needs ?millis=<non-negative whole number>, got "
					+ (millis == null ? "none" : "'" + millis + "'"));
		}
		if (amount < 0)
			return new Answer(400, "time only moves forward, cannot advance by " + amount + " ms");
		return new Answer(200, "clock-offset-millis=" + actions.advanceClock(Duration.ofMillis(amount)).toMillis());
	}

	private static void respond(HttpExchange exchange, Answer answer) throws IOException
	{
		byte[] body = (answer.text() + "\n").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
		exchange.sendResponseHeaders(answer.status(), body.length);
		try (OutputStream out = exchange.getResponseBody())
		{
			out.write(body);
		}
	}

	@Override
	public void close()
	{
		server.stop(0);
		executor.shutdownNow();
	}
}
