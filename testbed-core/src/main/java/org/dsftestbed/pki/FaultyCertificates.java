package org.dsftestbed.pki;

import java.time.Duration;
import java.time.Instant;

/**
 * Client certificates that a DSF server must refuse, each broken in exactly one way, for negative tests:
 *
 * <pre>{@code
 * IssuedCertificate expired = pki.faulty().expiredClient("dic-client", "DIC");
 * }</pre>
 */
public final class FaultyCertificates
{
	private final Pki pki;

	FaultyCertificates(Pki pki)
	{
		this.pki = pki;
	}

	/** Valid from two years ago until yesterday. */
	public IssuedCertificate expiredClient(String commonName, String organization)
	{
		Instant now = pki.issuing().clock().instant();
		return pki.issuing().issue(CertificateSpec.client(commonName, organization)
				.withValidity(now.minus(Duration.ofDays(2 * 365)), now.minus(Duration.ofDays(1))), pki.keyType());
	}

	/** Valid from tomorrow on. */
	public IssuedCertificate notYetValidClient(String commonName, String organization)
	{
		Instant now = pki.issuing().clock().instant();
		return pki.issuing().issue(CertificateSpec.client(commonName, organization)
				.withValidity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))), pki.keyType());
	}

	/**
	 * Issued by a foreign hierarchy whose CAs carry the same names as this network's CAs but other keys: it looks
	 * right and must still be refused.
	 */
	public IssuedCertificate foreignCaClient(String commonName, String organization)
	{
		Pki foreign = Pki.create(pki.keyType(), pki.issuing().clock());
		return foreign.clientCertificate(commonName, organization);
	}

	/** Properly issued and valid, but its extended key usage is serverAuth only. */
	public IssuedCertificate clientWithoutClientAuth(String commonName, String organization)
	{
		return pki.issuing().issue(
				CertificateSpec.client(commonName, organization).withUsage(Usage.CLIENT_WITHOUT_CLIENT_AUTH_EKU),
				pki.keyType());
	}
}
