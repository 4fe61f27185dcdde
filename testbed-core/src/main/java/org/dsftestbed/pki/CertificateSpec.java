package org.dsftestbed.pki;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What to put into an end-entity certificate. Subjects follow DSF's test certificates: {@code C=DE, O=<org>,
 * CN=<name>}; the country matters because DSF's proxy checks it.
 *
 * <pre>{@code CertificateSpec.server("dic.dsf.test", "DIC", List.of("dic.dsf.test", "localhost", "127.0.0.1"))}</pre>
 *
 * @param commonName
 *            CN of the subject
 * @param organization
 *            O of the subject, may be {@code null}
 * @param usage
 *            server or client
 * @param subjectAlternativeNames
 *            DNS names and IP addresses (an entry that parses as an IPv4/IPv6 literal becomes an IP SAN)
 * @param notBefore
 *            start of validity, {@code null} = now minus one hour (tolerates clock skew)
 * @param notAfter
 *            end of validity, {@code null} = notBefore plus {@link #DEFAULT_LEAF_VALIDITY}
 */
public record CertificateSpec(String commonName, String organization, Usage usage, List<String> subjectAlternativeNames,
		Instant notBefore, Instant notAfter)
{
	/** DSF's test-data generator issues end-entity certificates for two years. */
	public static final Duration DEFAULT_LEAF_VALIDITY = Duration.ofDays(2 * 365);

	public CertificateSpec
	{
		Objects.requireNonNull(commonName, "commonName");
		Objects.requireNonNull(usage, "usage");
		subjectAlternativeNames = subjectAlternativeNames == null ? List.of() : List.copyOf(subjectAlternativeNames);
	}

	public static CertificateSpec server(String commonName, String organization, List<String> subjectAlternativeNames)
	{
		return new CertificateSpec(commonName, organization, Usage.SERVER, subjectAlternativeNames, null, null);
	}

	public static CertificateSpec client(String commonName, String organization)
	{
		return new CertificateSpec(commonName, organization, Usage.CLIENT, List.of(), null, null);
	}

	public CertificateSpec withValidity(Instant notBefore, Instant notAfter)
	{
		return new CertificateSpec(commonName, organization, usage, subjectAlternativeNames, notBefore, notAfter);
	}

	public CertificateSpec withUsage(Usage usage)
	{
		return new CertificateSpec(commonName, organization, usage, subjectAlternativeNames, notBefore, notAfter);
	}
}
