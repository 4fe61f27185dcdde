package org.dsftestbed.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A certificate with its private key and the chain of CA certificates that issued it, nearest first (issuing CA,
 * then root CA).
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> issuerChain)
{
	public IssuedCertificate
	{
		Objects.requireNonNull(certificate, "certificate");
		Objects.requireNonNull(privateKey, "privateKey");
		issuerChain = List.copyOf(issuerChain);
	}

	/** The certificate followed by its issuers, as a TLS peer presents it. */
	public List<X509Certificate> fullChain()
	{
		List<X509Certificate> chain = new ArrayList<>(issuerChain.size() + 1);
		chain.add(certificate);
		chain.addAll(issuerChain);
		return chain;
	}

	public String thumbprint()
	{
		return Thumbprint.of(certificate);
	}

	public String subject()
	{
		return certificate.getSubjectX500Principal().getName();
	}
}
