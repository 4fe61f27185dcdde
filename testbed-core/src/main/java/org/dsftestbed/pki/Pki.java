package org.dsftestbed.pki;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The certificate hierarchy of one network: a root CA, an issuing CA below it, and the certificates the issuing CA
 * signs for organizations and users.
 *
 * <pre>{@code
 * Pki pki = Pki.create(KeyType.RSA_2048, Clock.systemUTC());
 * IssuedCertificate server = pki.serverCertificate("DIC", List.of("dic.dsf.test"));
 * IssuedCertificate client = pki.clientCertificate("dic.dsf.test-client", "DIC");
 * }</pre>
 */
public final class Pki
{
	public static final String ROOT_CA_NAME = "DSF Testbed Root CA";
	public static final String ISSUING_CA_NAME = "DSF Testbed Issuing CA";

	/** Subject CN of the browser user certificate, as in DSF's test setups. */
	public static final String BROWSER_USER_NAME = "Webbrowser Test User";

	/** Names every server certificate carries besides the organization's own hostnames. */
	public static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1");

	private final CertificateAuthority root;
	private final CertificateAuthority issuing;
	private final KeyType keyType;

	public Pki(CertificateAuthority root, CertificateAuthority issuing, KeyType keyType)
	{
		this.root = Objects.requireNonNull(root, "root");
		this.issuing = Objects.requireNonNull(issuing, "issuing");
		this.keyType = Objects.requireNonNull(keyType, "keyType");
	}

	public static Pki create(KeyType keyType, Clock clock)
	{
		CertificateAuthority root = CertificateAuthority.createRoot(ROOT_CA_NAME, keyType, clock);
		return new Pki(root, root.createSubordinate(ISSUING_CA_NAME, keyType), keyType);
	}

	public CertificateAuthority root()
	{
		return root;
	}

	public CertificateAuthority issuing()
	{
		return issuing;
	}

	public KeyType keyType()
	{
		return keyType;
	}

	/** Root then issuing CA certificate: what a trust store or a {@code ca.pem} holds. */
	public List<X509Certificate> caCertificates()
	{
		return List.of(root.certificate(), issuing.certificate());
	}

	/**
	 * A TLS server certificate with CN = first hostname and SANs = hostnames plus {@link #LOOPBACK_NAMES}, so that
	 * both the organization's name and loopback connections pass hostname verification.
	 */
	public IssuedCertificate serverCertificate(String organization, List<String> hostnames)
	{
		if (hostnames.isEmpty())
			throw new IllegalArgumentException("a server certificate needs at least one hostname");
		Set<String> names = new LinkedHashSet<>(hostnames);
		names.addAll(LOOPBACK_NAMES);
		return issuing.issue(CertificateSpec.server(hostnames.get(0), organization, List.copyOf(names)), keyType);
	}

	public IssuedCertificate clientCertificate(String commonName, String organization)
	{
		return issuing.issue(CertificateSpec.client(commonName, organization), keyType);
	}

	public IssuedCertificate browserUserCertificate()
	{
		return clientCertificate(BROWSER_USER_NAME, null);
	}

	/** Deliberately broken certificates for negative tests. */
	public FaultyCertificates faulty()
	{
		return new FaultyCertificates(this);
	}

	/** Whether {@code certificate} was signed by this network's issuing CA. */
	public boolean issued(X509Certificate certificate)
	{
		try
		{
			certificate.verify(issuing.certificate().getPublicKey());
			return certificate.getIssuerX500Principal().equals(issuing.certificate().getSubjectX500Principal());
		}
		catch (Exception e)
		{
			return false;
		}
	}
}
