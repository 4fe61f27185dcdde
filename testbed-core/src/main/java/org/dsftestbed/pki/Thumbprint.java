package org.dsftestbed.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * The certificate thumbprint as DSF computes it to find the Organization of a caller: SHA-512 over the DER
 * encoding of the certificate, as 128 lowercase hex characters.
 *
 * <pre>{@code String thumbprint = Thumbprint.of(certificate); // "a1b2..." (128 chars)}</pre>
 */
public final class Thumbprint
{
	private Thumbprint()
	{
	}

	public static String of(X509Certificate certificate)
	{
		try
		{
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(certificate.getEncoded()));
		}
		catch (CertificateEncodingException | NoSuchAlgorithmException e)
		{
			throw new IllegalStateException("cannot compute thumbprint", e);
		}
	}
}
