package org.dsftestbed.fhir.server;

import java.io.IOException;
import java.net.BindException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.security.cert.Certificate;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.dsftestbed.pki.IssuedCertificate;
import org.dsftestbed.pki.TlsContexts;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Jetty HTTPS server that requires a client certificate from the given CAs (no certificate or a foreign one:
 * the handshake fails) and serves one servlet under a context path, plus what the context setup adds (the websocket
 * endpoint). Port 0 picks a free port of at most four digits, since DSF only accepts such ports in Endpoint
 * addresses.
 */
final class HttpsEndpoint implements AutoCloseable
{
	private static final int BIND_ATTEMPTS = 50;

	private final Server server;
	private final int port;
	private final LatencyHandler latency;

	private HttpsEndpoint(Server server, int port)
	{
		this.server = server;
		this.port = port;
		this.latency = (LatencyHandler) server.getHandler();
	}

	/**
	 * @param contextSetup
	 *            adds more to the servlet context before the server starts (e.g. the websocket endpoint); may run
	 *            once per attempt to bind a port
	 */
	static HttpsEndpoint start(String name, String bindAddress, int port, SSLContext tlsContext, String contextPath,
			HttpServlet servlet,
			Consumer<ServletContextHandler> contextSetup) throws IOException
	{
		int attempts = port == 0 ? BIND_ATTEMPTS : 1;
		IOException lastFailure = null;
		for (int attempt = 0; attempt < attempts; attempt++)
		{
			int candidate = port != 0 ? port : LoopbackPorts.candidate();
			Server server = create(name, bindAddress, candidate, tlsContext, contextPath, servlet, contextSetup);
			try
			{
				server.start();
				return new HttpsEndpoint(server, candidate);
			}
			catch (Exception e)
			{
				stopQuietly(server);
				if (!(e instanceof BindException || e.getCause() instanceof BindException))
					throw new IOException("cannot start HTTPS server for " + name + ": " + e.getMessage(), e);
				lastFailure = new IOException("port " + candidate + " on " + bindAddress + " is in use", e);
			}
		}
		throw port != 0 ? lastFailure
				: new IOException("no free port between " + LoopbackPorts.MIN + " and " + LoopbackPorts.MAX + " on "
						+ bindAddress + " after " + BIND_ATTEMPTS + " attempts", lastFailure);
	}

	private static Server create(String name, String bindAddress, int port, SSLContext tlsContext,
			String contextPath, HttpServlet servlet, Consumer<ServletContextHandler> contextSetup)
	{
		QueuedThreadPool threads = new QueuedThreadPool(32, 2);
		threads.setName("fhir-" + name);
		Server server = new Server(threads);

		SslContextFactory.Server tls = new SslContextFactory.Server();
		tls.setSslContext(tlsContext);
		tls.setNeedClientAuth(true);

		HttpConfiguration http = new HttpConfiguration();
		SecureRequestCustomizer secure = new SecureRequestCustomizer();
		// clients may reach the server by any of its names or by loopback address
		secure.setSniHostCheck(false);
		http.addCustomizer(secure);
		http.setSendServerVersion(false);

		ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
				new HttpConnectionFactory(http));
		connector.setHost(bindAddress);
		connector.setPort(port);
		server.addConnector(connector);

		ServletContextHandler context = new ServletContextHandler();
		context.setContextPath(contextPath);
		context.addServlet(new ServletHolder(servlet), "/*");
		contextSetup.accept(context);
		LatencyHandler latency = new LatencyHandler();
		latency.setHandler(context);
		server.setHandler(latency);
		server.setStopAtShutdown(false);
		return server;
	}

	int port()
	{
		return port;
	}

	private SSLContext tlsContext()
	{
		return connector().getConnectionFactory(SslConnectionFactory.class).getSslContextFactory().getSslContext();
	}

	private ServerConnector connector()
	{
		return (ServerConnector) server.getConnectors()[0];
	}

	/** Closes the port and drops open connections; the server itself keeps running. */
	void stopAccepting()
	{
		try
		{
			connector().stop();
		}
		catch (Exception e)
		{
			throw new IllegalStateException("cannot stop listening on port " + port + ": " + e.getMessage(), e);
		}
	}

	/** Opens the same port again after {@link #stopAccepting()}. */
	void startAccepting() throws IOException
	{
		try
		{
			connector().start();
		}
		catch (Exception e)
		{
			throw new IOException("cannot listen on port " + port + " again: " + e.getMessage(), e);
		}
	}

	/**
	 * Closes the open connections whose client presented a certificate the predicate selects, and forgets their TLS
	 * sessions, so that the client's next connection needs a full handshake (a resumed session would skip the check of
	 * its certificate).
	 */
	int closeConnectionsOf(Predicate<X509Certificate> client)
	{
		SSLSessionContext sessions = tlsContext().getServerSessionContext();
		for (byte[] id : java.util.Collections.list(sessions.getIds()))
		{
			SSLSession session = sessions.getSession(id);
			if (session != null && presented(session, client))
				session.invalidate();
		}
		int closed = 0;
		for (EndPoint endPoint : connector().getConnectedEndPoints())
			if (endPoint.getConnection() instanceof SslConnection tls && presented(tls, client))
			{
				endPoint.close();
				closed++;
			}
		return closed;
	}

	private static boolean presented(SslConnection connection, Predicate<X509Certificate> client)
	{
		return presented(connection.getSSLEngine().getSession(), client);
	}

	private static boolean presented(SSLSession session, Predicate<X509Certificate> client)
	{
		try
		{
			Certificate[] peer = session.getPeerCertificates();
			return peer.length > 0 && peer[0] instanceof X509Certificate leaf && client.test(leaf);
		}
		catch (SSLPeerUnverifiedException e)
		{
			return false; // handshake not finished
		}
	}

	boolean isAccepting()
	{
		return connector().isRunning();
	}

	void setLatency(Duration delay)
	{
		latency.delay = Objects.requireNonNull(delay, "delay");
	}

	/** Waits before every request is handled: a slow network or a slow reverse proxy in front of the server. */
	private static final class LatencyHandler extends HandlerWrapper
	{
		volatile Duration delay = Duration.ZERO;

		@Override
		public void handle(String target, Request baseRequest, HttpServletRequest request,
				HttpServletResponse response) throws IOException, ServletException
		{
			Duration current = delay;
			if (!current.isZero())
				try
				{
					Thread.sleep(current.toMillis());
				}
				catch (InterruptedException e)
				{
					Thread.currentThread().interrupt();
					return;
				}
			super.handle(target, baseRequest, request, response);
		}
	}

	Server jetty()
	{
		return server;
	}

	@Override
	public void close()
	{
		stopQuietly(server);
	}

	private static void stopQuietly(Server server)
	{
		try
		{
			server.stop();
		}
		catch (Exception e)
		{
			// stopping a server that failed to start may fail again; nothing is left to release
		}
	}
}
