package org.dsftestbed.fhir.server;

import java.io.IOException;
import java.net.BindException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;

import org.dsftestbed.pki.IssuedCertificate;
import org.dsftestbed.pki.TlsContexts;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import jakarta.servlet.http.HttpServlet;

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

	private HttpsEndpoint(Server server, int port)
	{
		this.server = server;
		this.port = port;
	}

	/**
	 * @param contextSetup
	 *            adds more to the servlet context before the server starts (e.g. the websocket endpoint); may run
	 *            once per attempt to bind a port
	 */
	static HttpsEndpoint start(String name, String bindAddress, int port, IssuedCertificate certificate,
			List<X509Certificate> trustedCas, String contextPath, HttpServlet servlet,
			Consumer<ServletContextHandler> contextSetup) throws IOException
	{
		int attempts = port == 0 ? BIND_ATTEMPTS : 1;
		IOException lastFailure = null;
		for (int attempt = 0; attempt < attempts; attempt++)
		{
			int candidate = port != 0 ? port : LoopbackPorts.candidate();
			Server server = create(name, bindAddress, candidate, certificate, trustedCas, contextPath, servlet,
					contextSetup);
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

	private static Server create(String name, String bindAddress, int port, IssuedCertificate certificate,
			List<X509Certificate> trustedCas, String contextPath, HttpServlet servlet,
			Consumer<ServletContextHandler> contextSetup)
	{
		QueuedThreadPool threads = new QueuedThreadPool(32, 2);
		threads.setName("fhir-" + name);
		Server server = new Server(threads);

		SslContextFactory.Server tls = new SslContextFactory.Server();
		tls.setSslContext(TlsContexts.create(certificate, trustedCas));
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
		server.setHandler(context);
		server.setStopAtShutdown(false);
		return server;
	}

	int port()
	{
		return port;
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
