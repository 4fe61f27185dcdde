package org.dsftestbed.network;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.dsftestbed.pki.IssuedCertificate;
import org.dsftestbed.pki.KeyType;
import org.dsftestbed.pki.Pki;

/**
 * The certificates of a network: its CA hierarchy, a server and a client certificate per organization, and one
 * browser-user certificate.
 *
 * <pre>{@code
 * NetworkCertificates certificates = NetworkCertificates.generate(network, KeyType.RSA_2048, Clock.systemUTC());
 * String thumbprint = certificates.organization("dic.dsf.test").client().thumbprint();
 * }</pre>
 */
public final class NetworkCertificates
{
	/** An organization's TLS server certificate (its hostnames) and client certificate (its identity). */
	public record OrganizationCertificates(IssuedCertificate server, IssuedCertificate client)
	{
		public OrganizationCertificates
		{
			Objects.requireNonNull(server, "server");
			Objects.requireNonNull(client, "client");
		}
	}

	private final Pki pki;
	private final Map<String, OrganizationCertificates> organizations;
	private final IssuedCertificate browserUser;

	public NetworkCertificates(Pki pki, Map<String, OrganizationCertificates> organizations,
			IssuedCertificate browserUser)
	{
		this.pki = Objects.requireNonNull(pki, "pki");
		this.organizations = Collections.unmodifiableMap(new LinkedHashMap<>(organizations));
		this.browserUser = Objects.requireNonNull(browserUser, "browserUser");
	}

	public static NetworkCertificates generate(NetworkDefinition network, KeyType keyType, Clock clock)
	{
		Pki pki = Pki.create(keyType, clock);
		Map<String, OrganizationCertificates> organizations = new LinkedHashMap<>();
		for (OrganizationDefinition organization : network.organizations())
			organizations.put(organization.identifier(), issue(pki, organization));
		return new NetworkCertificates(pki, organizations, pki.browserUserCertificate());
	}

	static OrganizationCertificates issue(Pki pki, OrganizationDefinition organization)
	{
		return new OrganizationCertificates(serverCertificate(pki, organization), clientCertificate(pki, organization));
	}

	static IssuedCertificate serverCertificate(Pki pki, OrganizationDefinition organization)
	{
		return pki.serverCertificate(organization.displayName(), organization.hostnames());
	}

	static IssuedCertificate clientCertificate(Pki pki, OrganizationDefinition organization)
	{
		return pki.clientCertificate(clientCommonName(organization), organization.displayName());
	}

	/** Client certificate CN, {@code <primary hostname>-client} like DSF's {@code dic1-client}. */
	static String clientCommonName(OrganizationDefinition organization)
	{
		return organization.primaryHostname() + "-client";
	}

	public Pki pki()
	{
		return pki;
	}

	public OrganizationCertificates organization(String identifier)
	{
		OrganizationCertificates certificates = organizations.get(identifier);
		if (certificates == null)
			throw new IllegalArgumentException("no certificates for organization '" + identifier + "'; known: "
					+ String.join(", ", organizations.keySet()));
		return certificates;
	}

	public Map<String, OrganizationCertificates> organizations()
	{
		return organizations;
	}

	public IssuedCertificate browserUser()
	{
		return browserUser;
	}

	/** The thumbprints an organization is known by in allow lists: that of its client certificate. */
	public List<String> allowListThumbprints(String identifier)
	{
		return List.of(organization(identifier).client().thumbprint());
	}
}
