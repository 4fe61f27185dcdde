package org.dsftestbed.bpe;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.dsftestbed.bpe.engine.NetworkEngines;
import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.bpe.state.BpeDatabase;
import org.dsftestbed.pki.IssuedCertificate;

/**
 * What one organization's embedded BPE needs (DSF: the BPE's environment variables and mounted files).
 *
 * @param organizationIdentifier
 *            the organization's {@code http://dsf.dev/sid/organization-identifier} value; checked at start against the
 *            organization the FHIR server names through the Endpoint with address {@code fhirBaseUrl} (DSF start-up
 *            step 1)
 * @param fhirBaseUrl
 *            base URL of the organization's own FHIR server ({@code DEV_DSF_BPE_FHIR_SERVER_BASE_URL}); must equal the
 *            address of its Endpoint on the allow list, as clients connect to Endpoint addresses directly
 * @param clientCertificate
 *            the organization's client certificate with private key: the BPE's identity at every FHIR server
 * @param trustedCas
 *            the CAs the BPE trusts for server certificates
 * @param plugins
 *            jars or exploded directories ({@code DEV_DSF_BPE_PROCESS_PLUGIN_DIRECTORY})
 * @param environment
 *            the BPE's environment (plugin placeholders and Spring {@code @Value}s)
 * @param engines
 *            the network's engines; the BPE creates its organization's engine there
 * @param subscriptionTimeout
 *            how long start waits for both websocket subscriptions to be bound
 * @param database
 *            what the BPE persists between starts (process states, uploaded resources, Camunda's tables), kept by the
 *            caller so that a BPE started again on it behaves as DSF's BPE restarted on its database; {@code null}: a
 *            fresh one for this start only, dropped on close (every start is a first start)
 */
public record OrganizationBpeConfig(String organizationIdentifier, String fhirBaseUrl,
		IssuedCertificate clientCertificate, List<X509Certificate> trustedCas, List<PluginSource> plugins,
		Map<String, String> environment, NetworkEngines engines, Duration subscriptionTimeout, BpeDatabase database)
{
	public OrganizationBpeConfig
	{
		Objects.requireNonNull(organizationIdentifier, "organizationIdentifier");
		Objects.requireNonNull(fhirBaseUrl, "fhirBaseUrl");
		Objects.requireNonNull(clientCertificate, "clientCertificate");
		trustedCas = List.copyOf(trustedCas);
		plugins = List.copyOf(plugins);
		environment = Map.copyOf(environment);
		Objects.requireNonNull(engines, "engines");
		Objects.requireNonNull(subscriptionTimeout, "subscriptionTimeout");
	}

	public static OrganizationBpeConfig of(String organizationIdentifier, String fhirBaseUrl,
			IssuedCertificate clientCertificate, List<X509Certificate> trustedCas, NetworkEngines engines)
	{
		return new OrganizationBpeConfig(organizationIdentifier, fhirBaseUrl, clientCertificate, trustedCas, List.of(),
				Map.of(), engines, Duration.ofSeconds(10), null);
	}

	public OrganizationBpeConfig withPlugins(List<PluginSource> plugins)
	{
		return new OrganizationBpeConfig(organizationIdentifier, fhirBaseUrl, clientCertificate, trustedCas, plugins,
				environment, engines, subscriptionTimeout, database);
	}

	public OrganizationBpeConfig withEnvironment(Map<String, String> environment)
	{
		return new OrganizationBpeConfig(organizationIdentifier, fhirBaseUrl, clientCertificate, trustedCas, plugins,
				environment, engines, subscriptionTimeout, database);
	}

	/** This configuration on a database the caller keeps across starts ({@link BpeDatabase#inMemory}). */
	public OrganizationBpeConfig withDatabase(BpeDatabase database)
	{
		return new OrganizationBpeConfig(organizationIdentifier, fhirBaseUrl, clientCertificate, trustedCas, plugins,
				environment, engines, subscriptionTimeout, database);
	}
}
