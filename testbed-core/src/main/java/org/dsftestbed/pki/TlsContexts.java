package org.dsftestbed.pki;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collection;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

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

}
