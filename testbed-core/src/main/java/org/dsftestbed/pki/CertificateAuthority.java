package org.dsftestbed.pki;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority: its certificate, its private key and the CA certificates above it. A network has a root
 * CA and an issuing CA below it; the issuing CA signs every organization's certificates.
 *
 * <pre>{@code
 * CertificateAuthority root = CertificateAuthority.createRoot("DSF Testbed Root CA", KeyType.RSA_2048, clock);
 * CertificateAuthority issuing = root.createSubordinate("DSF Testbed Issuing CA", KeyType.RSA_2048);
 * IssuedCertificate client = issuing.issue(CertificateSpec.client("dic-client", "DIC"), KeyType.RSA_2048);
 * }</pre>
 *
 * Extensions follow DSF's test certificates (crypto-utils): CA certificates have critical basicConstraints with a
 * path length (root 1, issuing 0) and critical keyUsage keyCertSign+cRLSign; end-entity certificates have critical
 * basicConstraints CA:false, critical keyUsage digitalSignature+nonRepudiation+keyEncipherment (servers also
 * dataEncipherment), the EKU of their usage, SKI and AKI.
 */
public final class CertificateAuthority
{
	/** DSF's test CA certificates are valid for ten years. */
	public static final Duration DEFAULT_CA_VALIDITY = Duration.ofDays(10 * 365);

	/** Issued certificates start one hour in the past so that small clock differences do not matter. */
	static final Duration BACKDATE = Duration.ofHours(1);

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
	private static final SecureRandom RANDOM = new SecureRandom();

	private final IssuedCertificate self;
	private final Clock clock;

	private CertificateAuthority(IssuedCertificate self, Clock clock)
	{
		this.self = self;
		this.clock = clock;
	}

	/** Wraps an existing CA certificate and key, e.g. loaded from disk. */
	public static CertificateAuthority of(IssuedCertificate caCertificate, Clock clock)
	{
		return new CertificateAuthority(caCertificate, clock);
	}

	public static CertificateAuthority createRoot(String commonName, KeyType keyType, Clock clock)
	{
		KeyPair keyPair = keyType.generate();
		X500Name subject = caName(commonName);
		Instant notBefore = clock.instant().minus(BACKDATE);
		X509Certificate certificate = sign(subject, keyPair.getPrivate(), keyType.signatureAlgorithm(), subject,
				keyPair.getPublic(), notBefore, notBefore.plus(DEFAULT_CA_VALIDITY),
				builder -> addCaExtensions(builder, keyPair.getPublic(), null, 1));
		return new CertificateAuthority(new IssuedCertificate(certificate, keyPair.getPrivate(), List.of()), clock);
	}

	/** Creates a CA below this one (path length 0: it may only issue end-entity certificates). */
	public CertificateAuthority createSubordinate(String commonName, KeyType keyType)
	{
		KeyPair keyPair = keyType.generate();
		Instant notBefore = clock.instant().minus(BACKDATE);
		X509Certificate certificate = signAsIssuer(caName(commonName), keyPair.getPublic(), notBefore,
				notBefore.plus(DEFAULT_CA_VALIDITY),
				builder -> addCaExtensions(builder, keyPair.getPublic(), self.certificate(), 0));
		return new CertificateAuthority(new IssuedCertificate(certificate, keyPair.getPrivate(), self.fullChain()),
				clock);
	}

	/** Issues an end-entity certificate with a fresh key pair of the given type. */
	public IssuedCertificate issue(CertificateSpec spec, KeyType keyType)
	{
		KeyPair keyPair = keyType.generate();
		Instant notBefore = spec.notBefore() != null ? spec.notBefore() : clock.instant().minus(BACKDATE);
		Instant notAfter = spec.notAfter() != null ? spec.notAfter()
				: notBefore.plus(CertificateSpec.DEFAULT_LEAF_VALIDITY);
		if (!notAfter.isAfter(notBefore))
			throw new IllegalArgumentException("certificate for '" + spec.commonName() + "': notAfter " + notAfter
					+ " is not after notBefore " + notBefore);

		X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DE");
		if (spec.organization() != null && !spec.organization().isBlank())
			name.addRDN(BCStyle.O, spec.organization());
		name.addRDN(BCStyle.CN, spec.commonName());

		X509Certificate certificate = signAsIssuer(name.build(), keyPair.getPublic(), notBefore, notAfter,
				builder -> addEndEntityExtensions(builder, keyPair.getPublic(), spec));
		return new IssuedCertificate(certificate, keyPair.getPrivate(), self.fullChain());
	}

	public X509Certificate certificate()
	{
		return self.certificate();
	}

	public PrivateKey privateKey()
	{
		return self.privateKey();
	}

	/** This CA's certificate with its key and the CAs above it. */
	public IssuedCertificate asIssuedCertificate()
	{
		return self;
	}

	public Clock clock()
	{
		return clock;
	}

	private static X500Name caName(String commonName)
	{
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DE").addRDN(BCStyle.O, "dsf-testbed")
				.addRDN(BCStyle.CN, commonName).build();
	}

	@FunctionalInterface
	private interface Extensions
	{
		void addTo(X509v3CertificateBuilder builder) throws CertIOException, GeneralSecurityException;
	}

	private X509Certificate signAsIssuer(X500Name subject, PublicKey subjectKey, Instant notBefore, Instant notAfter,
			Extensions extensions)
	{
		X500Name issuerName = X500Name.getInstance(certificate().getSubjectX500Principal().getEncoded());
		String signatureAlgorithm = KeyType.of(certificate().getPublicKey()).signatureAlgorithm();
		return sign(subject, privateKey(), signatureAlgorithm, issuerName, subjectKey, notBefore, notAfter, extensions);
	}

	private static X509Certificate sign(X500Name subject, PrivateKey signingKey, String signatureAlgorithm,
			X500Name issuerName, PublicKey subjectKey, Instant notBefore, Instant notAfter, Extensions extensions)
	{
		try
		{
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(127, RANDOM),
					Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
			extensions.addTo(builder);
			return new JcaX509CertificateConverter()
					.getCertificate(builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(signingKey)));
		}
		catch (GeneralSecurityException | OperatorCreationException | CertIOException e)
		{
			throw new IllegalStateException("cannot sign certificate for " + subject, e);
		}
	}

	private static void addCaExtensions(X509v3CertificateBuilder builder, PublicKey subjectKey,
			X509Certificate issuerCertificate, int pathLength) throws CertIOException, GeneralSecurityException
	{
		JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength));
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
		builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
		if (issuerCertificate != null)
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					utils.createAuthorityKeyIdentifier(issuerCertificate));
	}

	private void addEndEntityExtensions(X509v3CertificateBuilder builder, PublicKey subjectKey, CertificateSpec spec)
			throws CertIOException, GeneralSecurityException
	{
		JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));

		int keyUsage = KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyEncipherment;
		if (spec.usage() == Usage.SERVER)
			keyUsage |= KeyUsage.dataEncipherment;
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));

		KeyPurposeId purpose = spec.usage() == Usage.CLIENT ? KeyPurposeId.id_kp_clientAuth
				: KeyPurposeId.id_kp_serverAuth;
		builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
		builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
		builder.addExtension(Extension.authorityKeyIdentifier, false,
				utils.createAuthorityKeyIdentifier(self.certificate()));

		if (!spec.subjectAlternativeNames().isEmpty())
		{
			List<GeneralName> names = new ArrayList<>();
			for (String san : spec.subjectAlternativeNames())
				names.add(isIpLiteral(san) ? new GeneralName(GeneralName.iPAddress, san)
						: new GeneralName(GeneralName.dNSName, san));
			builder.addExtension(Extension.subjectAlternativeName, false,
					new GeneralNames(names.toArray(GeneralName[]::new)));
		}
	}

	private static boolean isIpLiteral(String value)
	{
		if (IPV4.matcher(value).matches())
			return true;
		if (!value.contains(":"))
			return false;
		try
		{
			// only literals reach this point (they contain ':'), so no DNS lookup happens
			InetAddress.getByName(value);
			return true;
		}
		catch (UnknownHostException e)
		{
			return false;
		}
	}
}
