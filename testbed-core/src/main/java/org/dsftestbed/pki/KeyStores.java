package org.dsftestbed.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collection;

/**
 * Java key stores built from testbed certificates: PKCS#12 with a key and its chain (browser import, Java clients)
 * and trust stores holding CA certificates (PKCS#12 or JKS).
 */
public final class KeyStores
{
	public enum Format
	{
		PKCS12, JKS
	}

	private KeyStores()
	{
	}

	/** A key store with one entry: the certificate's key and its full chain, under {@code alias}. */
	public static KeyStore keyStore(IssuedCertificate certificate, String alias, char[] password)
	{
		try
		{
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry(alias, certificate.privateKey(), password,
					certificate.fullChain().toArray(Certificate[]::new));
			return store;
		}
		catch (GeneralSecurityException | IOException e)
		{
			throw new IllegalStateException("cannot build key store", e);
		}
	}

	/** A trust store with one trusted-certificate entry per CA, aliased by the CA's subject. */
	public static KeyStore trustStore(Collection<X509Certificate> caCertificates, Format format)
	{
		try
		{
			KeyStore store = KeyStore.getInstance(format.name());
			store.load(null, null);
			int index = 0;
			for (X509Certificate ca : caCertificates)
				store.setCertificateEntry("ca-" + (index++) + "-" + ca.getSubjectX500Principal().getName(), ca);
			return store;
		}
		catch (GeneralSecurityException | IOException e)
		{
			throw new IllegalStateException("cannot build trust store", e);
		}
	}

	public static byte[] toBytes(KeyStore store, char[] password)
	{
		try (ByteArrayOutputStream out = new ByteArrayOutputStream())
		{
			store.store(out, password);
			return out.toByteArray();
		}
		catch (GeneralSecurityException | IOException e)
		{
			throw new IllegalStateException("cannot serialize key store", e);
		}
	}
}
