package org.dsftestbed.runtime.container.organization;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The test-only control endpoint of an organization container: what the embedded runtime does by a method call (move
 * simulated time, pause and resume the BPE, the faults of {@code NetworkFaults}) cannot reach into a container
 * otherwise. Plain HTTP without authentication, on its own port: never publish it outside a test network.
 *
 * <pre>
 * GET  /health                   200 "UP &lt;identifier&gt; &lt;base url&gt; clock-offset-millis=&lt;n&gt; bpe=running|paused server=online|offline"
 * POST /clock/advance?millis=&lt;n&gt;  200 "clock-offset-millis=&lt;n&gt;"; due BPMN timers fire
 * POST /bpe/pause                200: the BPE stops taking Tasks
 * POST /bpe/resume               200 once the BPE has resubscribed (catch-up done)
 * POST /server/offline           200: the FHIR server refuses connections
 * POST /server/online            200: it accepts them again
 * POST /server/latency?millis=&lt;n&gt; 200: every FHIR request waits that long (0: none)
 * POST /allow-list/remove?organization=&lt;identifier&gt;&amp;endpoint=&lt;endpoint identifier&gt;
 *                                200: that organization is deleted from this server's allow list
 * POST /tls/expire?thumbprint=&lt;sha-512 hex&gt;
 *                                200 "dropped=&lt;n&gt;": that client certificate is refused as expired from now on
 * </pre>
 *
 * Wrong method: 405; unknown path: 404; a missing or malformed parameter: 400; an action that fails: 500 with its
 * message. Every answer is one line of {@code text/plain}.
 */
public final class ControlEndpoint implements AutoCloseable
{
	/** Paths a client of the endpoint uses; see the table above. */
	public static final String HEALTH = "/health", CLOCK_ADVANCE = "/clock/advance", BPE_PAUSE = "/bpe/pause",
			BPE_RESUME = "/bpe/resume", SERVER_OFFLINE = "/server/offline", SERVER_ONLINE = "/server/online",
			SERVER_LATENCY = "/server/latency", ALLOW_LIST_REMOVE = "/allow-list/remove", TLS_EXPIRE = "/tls/expire";

	/** What the endpoint controls. */
	public interface Actions
	{
		/** @return the new offset of the simulated clock from real time */
		Duration advanceClock(Duration amount);

		void pauseBpe();

		void resumeBpe() throws Exception;

		void takeServerOffline();

		void bringServerOnline() throws Exception;

		void setLatency(Duration latency);

		/** Deletes the organization and its Endpoint and affiliations from this organization's allow list. */
		void removeFromAllowList(String organizationIdentifier, String endpointIdentifier);

		/**
		 * @param thumbprint
		 *            SHA-512 hex of the client certificate
		 * @return how many open connections with it were dropped
		 */
		int expireClientCertificate(String thumbprint);

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
			case HEALTH -> "GET";
			case CLOCK_ADVANCE, BPE_PAUSE, BPE_RESUME, SERVER_OFFLINE, SERVER_ONLINE, SERVER_LATENCY,
					ALLOW_LIST_REMOVE, TLS_EXPIRE -> "POST";
			default -> null;
		};
		if (expectedMethod == null)
			return new Answer(404, "unknown path " + path + "; known: GET " + HEALTH + ", POST " + CLOCK_ADVANCE
					+ "?millis=<n>, POST " + BPE_PAUSE + ", POST " + BPE_RESUME + ", POST " + SERVER_OFFLINE
					+ ", POST " + SERVER_ONLINE + ", POST " + SERVER_LATENCY + "?millis=<n>, POST " + ALLOW_LIST_REMOVE
					+ "?organization=<identifier>&endpoint=<identifier>, POST " + TLS_EXPIRE + "?thumbprint=<hex>");
		if (!expectedMethod.equals(method))
			return new Answer(405, path + " takes " + expectedMethod + ", not " + method);
		Map<String, String> query = parameters(uri.getRawQuery());
		try
		{
			return switch (path)
			{
				case HEALTH -> new Answer(200, actions.health());
				case CLOCK_ADVANCE ->
				{
					Duration amount = millis(path, query);
					yield new Answer(200, "clock-offset-millis=" + actions.advanceClock(amount).toMillis());
				}
				case BPE_PAUSE ->
				{
					actions.pauseBpe();
					yield new Answer(200, "bpe=paused");
				}
				case BPE_RESUME ->
				{
					actions.resumeBpe();
					yield new Answer(200, "bpe=running");
				}
				case SERVER_OFFLINE ->
				{
					actions.takeServerOffline();
					yield new Answer(200, "server=offline");
				}
				case SERVER_ONLINE ->
				{
					actions.bringServerOnline();
					yield new Answer(200, "server=online");
				}
				case SERVER_LATENCY ->
				{
					Duration latency = millis(path, query);
					actions.setLatency(latency);
					yield new Answer(200, "latency-millis=" + latency.toMillis());
				}
				case ALLOW_LIST_REMOVE ->
				{
					String organization = required(path, query, "organization");
					actions.removeFromAllowList(organization, required(path, query, "endpoint"));
					yield new Answer(200, "removed=" + organization);
				}
				default -> new Answer(200,
						"dropped=" + actions.expireClientCertificate(required(path, query, "thumbprint")));
			};
		}
		catch (BadParameter e)
		{
			return new Answer(400, e.getMessage());
		}
		catch (Exception e)
		{
			return new Answer(500, path + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
		}
	}

	/** A parameter the caller got wrong: answered 400 with the message. */
	private static final class BadParameter extends RuntimeException
	{
		private static final long serialVersionUID = 1L;

		BadParameter(String message)
		{
			super(message);
		}
	}

	private static Map<String, String> parameters(String rawQuery)
	{
		Map<String, String> parameters = new HashMap<>();
		if (rawQuery != null)
			for (String parameter : rawQuery.split("&"))
			{
				int equals = parameter.indexOf('=');
				if (equals > 0)
					parameters.put(parameter.substring(0, equals),
							URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8));
			}
		return parameters;
	}

	private static String required(String path, Map<String, String> query, String name)
	{
		String value = query.get(name);
		if (value == null || value.isBlank())
			throw new BadParameter(path + " needs ?" + name + "=<value>");
		return value;
	}

	private static Duration millis(String path, Map<String, String> query)
	{
		String millis = query.get("millis");
		long amount;
		try
		{
			amount = Long.parseLong(millis == null ? "" : millis);
		}
		catch (NumberFormatException e)
		{
			throw new BadParameter(path + " needs ?millis=<non-negative whole number>, got "
					+ (millis == null ? "none" : "'" + millis + "'"));
		}
		if (amount < 0)
			throw new BadParameter(CLOCK_ADVANCE.equals(path) ? "time only moves forward, cannot advance by "
					+ amount + " ms" : path + ": millis must not be negative, got " + amount);
		return Duration.ofMillis(amount);
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
