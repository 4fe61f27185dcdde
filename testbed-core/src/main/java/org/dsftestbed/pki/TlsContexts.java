package org.dsftestbed.pki;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.Predicate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS contexts for mutual TLS between testbed organizations: the own certificate and key to present, and the CA
 * certificates to trust. The JDK's PKIX trust manager checks validity, the chain and, for client certificates, the
 * clientAuth extended key usage.
 */
public final class TlsContexts
{
	private static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();

	private TlsContexts()
	{
	}

	/**
	 * @param identity
	 *            certificate to present, {@code null} for none
	 * @param trusted
	 *            CA certificates whose chains are accepted
	 */
	public static SSLContext create(IssuedCertificate identity, Collection<X509Certificate> trusted)
	{
		try
		{
			KeyManagerFactory keyManagers = null;
			if (identity != null)
			{
				keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				keyManagers.init(KeyStores.keyStore(identity, "identity", IN_MEMORY_PASSWORD), IN_MEMORY_PASSWORD);
			}
			TrustManagerFactory trustManagers = TrustManagerFactory
					.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(KeyStores.trustStore(trusted, KeyStores.Format.PKCS12));

			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(),
					null);
			return context;
		}
		catch (GeneralSecurityException e)
		{
			throw new IllegalStateException("cannot create TLS context", e);
		}
	}

	/**
	 * A server context that, besides the PKIX checks, refuses client certificates the predicate calls expired, as the
	 * handshake refuses a certificate past its end of validity: a testbed can let one organization's certificate
	 * expire without waiting for it. Stateless session tickets are off (JVM-wide, for server contexts made after this
	 * call), so a server can forget the sessions of such a client and make it check the certificate again.
	 */
	public static SSLContext createServer(IssuedCertificate identity, Collection<X509Certificate> trusted,
			Predicate<X509Certificate> expired)
	{
		System.setProperty("jdk.tls.server.enableSessionTicketExtension", "false");
		try
		{
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(KeyStores.keyStore(identity, "identity", IN_MEMORY_PASSWORD), IN_MEMORY_PASSWORD);
			TrustManagerFactory trustManagers = TrustManagerFactory
					.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(KeyStores.trustStore(trusted, KeyStores.Format.PKCS12));
			X509ExtendedTrustManager pkix = Arrays.stream(trustManagers.getTrustManagers())
					.filter(X509ExtendedTrustManager.class::isInstance).map(X509ExtendedTrustManager.class::cast)
					.findFirst().orElseThrow(() -> new IllegalStateException("no X509 trust manager"));

			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers.getKeyManagers(), new TrustManager[] { new ExpiringClients(pkix, expired) },
					null);
			return context;
		}
		catch (GeneralSecurityException e)
		{
			throw new IllegalStateException("cannot create TLS context", e);
		}
	}

	/** PKIX trust, plus client certificates declared expired refused as expired ones are. */
	private static final class ExpiringClients extends X509ExtendedTrustManager
	{
		private final X509ExtendedTrustManager pkix;
		private final Predicate<X509Certificate> expired;

		ExpiringClients(X509ExtendedTrustManager pkix, Predicate<X509Certificate> expired)
		{
			this.pkix = pkix;
			this.expired = expired;
		}

		private void checkNotExpired(X509Certificate[] chain) throws CertificateExpiredException
		{
			if (chain != null && chain.length > 0 && expired.test(chain[0]))
				throw new CertificateExpiredException(
						"client certificate " + chain[0].getSubjectX500Principal() + " has expired");
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
				throws CertificateException
		{
			checkNotExpired(chain);
			pkix.checkClientTrusted(chain, authType, socket);
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
				throws CertificateException
		{
			checkNotExpired(chain);
			pkix.checkClientTrusted(chain, authType, engine);
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException
		{
			checkNotExpired(chain);
			pkix.checkClientTrusted(chain, authType);
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
				throws CertificateException
		{
			pkix.checkServerTrusted(chain, authType, socket);
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
				throws CertificateException
		{
			pkix.checkServerTrusted(chain, authType, engine);
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException
		{
			pkix.checkServerTrusted(chain, authType);
		}

		@Override
		public X509Certificate[] getAcceptedIssuers()
		{
			return pkix.getAcceptedIssuers();
		}
	}
}
