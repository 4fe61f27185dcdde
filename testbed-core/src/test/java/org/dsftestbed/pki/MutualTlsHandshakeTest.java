package org.dsftestbed.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real TLS 1.3/1.2 handshakes on loopback between a server that requires client certificates and clients
 * presenting good and faulty certificates.
 */
class MutualTlsHandshakeTest
{
	private static Pki pki;
	private static IssuedCertificate server;

	@BeforeAll
	static void createPki()
	{
		pki = Pki.create(KeyType.RSA_2048, Clock.systemUTC());
		server = pki.serverCertificate("DIC", List.of("dic.dsf.test"));
	}

	@Test
	void goodClientCertificateIsAcceptedAndIdentified() throws Exception
	{
		IssuedCertificate client = pki.clientCertificate("hrp.dsf.test-client", "HRP");

		Handshake handshake = handshake(client);

		assertThat(handshake.serverError()).isNull();
		assertThat(handshake.clientError()).isNull();
		assertThat(handshake.peerSubject()).isEqualTo(client.certificate().getSubjectX500Principal().getName());
	}

	@Test
	void expiredClientCertificateIsRefused() throws Exception
	{
		assertRefused(pki.faulty().expiredClient("hrp-client", "HRP"));
	}

	@Test
	void notYetValidClientCertificateIsRefused() throws Exception
	{
		assertRefused(pki.faulty().notYetValidClient("hrp-client", "HRP"));
	}

	@Test
	void clientCertificateOfAForeignCaIsRefused() throws Exception
	{
		assertRefused(pki.faulty().foreignCaClient("hrp-client", "HRP"));
	}

	@Test
	void clientCertificateWithoutClientAuthUsageIsRefused() throws Exception
	{
		assertRefused(pki.faulty().clientWithoutClientAuth("hrp-client", "HRP"));
	}

	@Test
	void clientWithoutCertificateIsRefused() throws Exception
	{
		assertRefused(null);
	}

	private static void assertRefused(IssuedCertificate client) throws Exception
	{
		Handshake handshake = handshake(client);
		assertThat(handshake.serverError()).as("server side must refuse the handshake")
				.isInstanceOf(javax.net.ssl.SSLException.class);
		assertThat(handshake.peerSubject()).isNull();
		assertThat(handshake.clientError()).as("client must not get a reply").isNotNull();
	}

	record Handshake(String peerSubject, Exception serverError, Exception clientError)
	{
	}

	/** Server accepts one connection, completes the handshake and answers one byte; the client sends one. */
	private static Handshake handshake(IssuedCertificate client) throws Exception
	{
		SSLContext serverContext = TlsContexts.create(server, pki.caCertificates());
		SSLContext clientContext = TlsContexts.create(client, pki.caCertificates());

		try (SSLServerSocket serverSocket = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0,
				1, InetAddress.getLoopbackAddress()))
		{
			serverSocket.setNeedClientAuth(true);
			CompletableFuture<Object> serverSide = CompletableFuture.supplyAsync(() ->
			{
				try (SSLSocket socket = (SSLSocket) serverSocket.accept())
				{
					socket.setSoTimeout(10_000);
					socket.startHandshake();
					String peer = ((java.security.cert.X509Certificate) socket.getSession().getPeerCertificates()[0])
							.getSubjectX500Principal().getName();
					InputStream in = socket.getInputStream();
					in.read();
					socket.getOutputStream().write(42);
					socket.getOutputStream().flush();
					return peer;
				}
				catch (IOException e)
				{
					return e;
				}
			});

			Exception clientError = null;
			try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory().createSocket("localhost",
					serverSocket.getLocalPort()))
			{
				socket.setSoTimeout(10_000);
				var parameters = socket.getSSLParameters();
				parameters.setEndpointIdentificationAlgorithm("HTTPS");
				socket.setSSLParameters(parameters);
				OutputStream out = socket.getOutputStream();
				out.write(1);
				out.flush();
				if (socket.getInputStream().read() != 42)
					throw new IOException("no reply from server");
			}
			catch (IOException e)
			{
				clientError = e;
			}

			Object serverResult = serverSide.get(20, TimeUnit.SECONDS);
			return serverResult instanceof Exception e ? new Handshake(null, e, clientError)
					: new Handshake((String) serverResult, null, clientError);
		}
	}
}
