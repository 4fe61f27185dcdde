package org.dsftestbed.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * PEM encoding and decoding of certificates and private keys. Private keys are written as PKCS#8, unencrypted
 * ({@code BEGIN PRIVATE KEY}) or password-encrypted with AES-256-CBC ({@code BEGIN ENCRYPTED PRIVATE KEY}); both
 * forms are read by OpenSSL, Java and DSF's {@code DEV_DSF_BPE_FHIR_CLIENT_CERTIFICATE_PRIVATE_KEY}.
 */
public final class Pem
{
	// used directly, not registered globally, so the testbed does not change the JVM's provider list
	private static final BouncyCastleProvider BC = new BouncyCastleProvider();

	private Pem()
	{
	}

	public static String certificates(Collection<X509Certificate> certificates)
	{
		return write(certificates.toArray());
	}

	public static String certificate(X509Certificate certificate)
	{
		return write(certificate);
	}

	public static String privateKey(PrivateKey key)
	{
		try
		{
			return write(new JcaPKCS8Generator(key, null).generate());
		}
		catch (IOException e)
		{
			throw new IllegalStateException("cannot encode private key", e);
		}
	}

	public static String encryptedPrivateKey(PrivateKey key, char[] password)
	{
		try
		{
			var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(BC)
					.setPassword(password).build();
			return write(new JcaPKCS8Generator(key, encryptor).generate());
		}
		catch (OperatorCreationException | IOException e)
		{
			throw new IllegalStateException("cannot encrypt private key", e);
		}
	}

	/** Every certificate in a PEM text, in order. */
	public static List<X509Certificate> readCertificates(String pem) throws IOException
	{
		List<X509Certificate> certificates = new ArrayList<>();
		try (PEMParser parser = new PEMParser(new StringReader(pem)))
		{
			for (Object object = parser.readObject(); object != null; object = parser.readObject())
			{
				if (!(object instanceof X509CertificateHolder holder))
					throw new IOException("expected only certificates, found " + object.getClass().getSimpleName());
				certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
			}
		}
		catch (CertificateException e)
		{
			throw new IOException("invalid certificate: " + e.getMessage(), e);
		}
		return certificates;
	}

	/**
	 * Reads the first private key of a PEM text: PKCS#8 (plain or encrypted, then {@code password} is needed) or
	 * a traditional OpenSSL RSA/EC key.
	 */
	public static PrivateKey readPrivateKey(String pem, char[] password) throws IOException
	{
		try (PEMParser parser = new PEMParser(new StringReader(pem)))
		{
			JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
			for (Object object = parser.readObject(); object != null; object = parser.readObject())
			{
				if (object instanceof PrivateKeyInfo info)
					return converter.getPrivateKey(info);
				if (object instanceof PEMKeyPair pair)
					return converter.getKeyPair(pair).getPrivate();
				if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted)
				{
					if (password == null)
						throw new IOException("private key is encrypted, but no password was given");
					try
					{
						return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
								new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(password)));
					}
					catch (PKCSException | OperatorCreationException e)
					{
						throw new IOException("cannot decrypt private key (wrong password?)", e);
					}
				}
			}
		}
		throw new IOException("no private key found");
	}

	private static String write(Object... objects)
	{
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out))
		{
			for (Object object : objects)
				writer.writeObject(object);
		}
		catch (IOException e)
		{
			throw new IllegalStateException("cannot write PEM", e);
		}
		return out.toString();
	}
}
