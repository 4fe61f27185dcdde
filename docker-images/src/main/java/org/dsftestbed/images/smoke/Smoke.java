package org.dsftestbed.images.smoke;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;

/**
 * The smoke image's program: proves that an image built on the local JRE base runs Java, and that containers on
 * one Docker network reach each other by alias.
 * <ul>
 * <li>{@code server [port]}: answers every HTTP GET with {@value #REPLY_PREFIX}{@code <hostname>} (default port
 * 8080)</li>
 * <li>{@code client <url>}: prints the body of a GET to {@code url}; exit code 0 when it is a smoke reply, 1
 * otherwise (retries for up to 10 seconds while the server can't be reached)</li>
 * </ul>
 *
 * <pre>{@code
 * docker run -d --network n --network-alias smoke-server dsf-testbed/smoke
 * docker run --rm --network n dsf-testbed/smoke client http://smoke-server:8080/
 * }</pre>
 */
public final class Smoke
{
	public static final String REPLY_PREFIX = "dsf-testbed smoke ok ";
	public static final int DEFAULT_PORT = 8080;

	private static final Duration CLIENT_PATIENCE = Duration.ofSeconds(10);

	private Smoke()
	{
	}

	public static void main(String[] args) throws Exception
	{
		String mode = args.length == 0 ? "server" : args[0];
		switch (mode)
		{
			case "server" -> server(args.length > 1 ? parsePort(args[1]) : DEFAULT_PORT);
			case "client" -> {
				if (args.length != 2)
					usage("client needs exactly one URL");
				System.exit(client(URI.create(args[1])));
			}
			default -> usage("unknown mode '" + mode + "'");
		}
	}

	private static void server(int port) throws IOException
	{
		String hostname = hostname();
		byte[] reply = (REPLY_PREFIX + hostname + "\n").getBytes(StandardCharsets.UTF_8);

		HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
		server.createContext("/", exchange ->
		{
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
			exchange.sendResponseHeaders(200, reply.length);
			try (OutputStream body = exchange.getResponseBody())
			{
				body.write(reply);
			}
		});
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
		System.out.println("dsf-testbed smoke server listening on port " + port + " as " + hostname);
	}

	private static int client(URI url) throws InterruptedException
	{
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
		long deadline = System.nanoTime() + CLIENT_PATIENCE.toNanos();
		while (true)
		{
			try
			{
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				String body = response.body().strip();
				if (response.statusCode() == 200 && body.startsWith(REPLY_PREFIX))
				{
					System.out.println(body);
					return 0;
				}
				System.err.println("unexpected reply from " + url + ": HTTP " + response.statusCode() + ": " + body);
				return 1;
			}
			catch (IOException e)
			{
				if (System.nanoTime() > deadline)
				{
					System.err.println("cannot reach " + url + ": " + e);
					return 1;
				}
				Thread.sleep(250);
			}
		}
	}

	private static String hostname()
	{
		String fromEnvironment = System.getenv("HOSTNAME");
		if (fromEnvironment != null && !fromEnvironment.isBlank())
			return fromEnvironment.strip();
		try
		{
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e)
		{
			return "unknown-host";
		}
	}

	private static int parsePort(String value)
	{
		try
		{
			int port = Integer.parseInt(value);
			if (port > 0 && port < 65536)
				return port;
		}
		catch (NumberFormatException e)
		{
			// reported below
		}
		usage("port must be a number from 1 to 65535, not '" + value + "'");
		return -1;
	}

	private static void usage(String problem)
	{
		System.err.println(problem);
		System.err.println("usage: server [port]  |  client <url>");
		System.exit(2);
	}
}
