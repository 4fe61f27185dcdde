package org.dsftestbed.runtime.container.organization;

import static org.dsftestbed.runtime.container.organization.OrganizationSettings.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.dsftestbed.network.AllowListBundle;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkCertificates.OrganizationCertificates;
import org.dsftestbed.network.PkiDirectory;
import org.dsftestbed.pki.IssuedCertificate;
import org.dsftestbed.pki.Pem;
import org.hl7.fhir.r4.model.Bundle;

/**
 * What an organization container needs from outside, made from a network's certificates and allow list: files (paths
 * relative to the image's working directory, {@value #WORKING_DIRECTORY}) and the environment variables naming them,
 * in DSF's layout ({@code conf/bundle.xml}, {@code ca/*.pem}, secrets as PEM files). The BPE's client key is encrypted
 * with DSF's test password, as DSF's test setups do. Plugin jars are not part of it: they go to
 * {@link OrganizationSettings#DEFAULT_PLUGIN_DIRECTORY}.
 *
 * <pre>{@code
 * OrganizationImageInput input = OrganizationImageInput.of("Test_DIC_1", "https://dic1/fhir", certificates, allowList);
 * input.files().forEach((path, content) -> container.withCopyToContainer(Transferable.of(content), WORKING_DIRECTORY + "/" + path));
 * container.withEnv(input.environment());
 * }</pre>
 *
 * @param environment
 *            variable name to value
 * @param files
 *            relative path to text content
 */
public record OrganizationImageInput(Map<String, String> environment, Map<String, String> files)
{
	/** The image's working directory, which relative paths resolve against. */
	public static final String WORKING_DIRECTORY = "/opt/dsf";

	public static final String SERVER_CERTIFICATE_FILE = "secrets/server_certificate.pem";
	public static final String SERVER_CERTIFICATE_CHAIN_FILE = "secrets/server_certificate_chain.pem";
	public static final String SERVER_KEY_FILE = "secrets/server_certificate_private_key.pem";
	public static final String CLIENT_CERTIFICATE_FILE = "secrets/client_certificate.pem";
	public static final String CLIENT_KEY_FILE = "secrets/client_certificate_private_key.pem";

	public OrganizationImageInput
	{
		environment = Map.copyOf(environment);
		files = Map.copyOf(files);
	}

	/**
	 * @param baseUrl
	 *            the organization's Endpoint address on the allow list, e.g. {@code https://dic1/fhir}
	 * @param allowList
	 *            the network's allow list ({@link AllowListBundle}); it must have an Endpoint with {@code baseUrl}
	 */
	public static OrganizationImageInput of(String organizationIdentifier, String baseUrl,
			NetworkCertificates certificates, Bundle allowList)
	{
		Objects.requireNonNull(baseUrl, "baseUrl");
		OrganizationCertificates own = certificates.organization(organizationIdentifier);
		String caCertificates = Pem.certificates(certificates.pki().caCertificates());
		IssuedCertificate server = own.server();
		IssuedCertificate client = own.client();

		Map<String, String> files = new LinkedHashMap<>();
		files.put(DEFAULT_INIT_BUNDLE, AllowListBundle.toXml(allowList));
		files.put(DEFAULT_TRUST_CLIENT_CERTIFICATE_CAS, caCertificates);
		files.put(DEFAULT_TRUST_SERVER_CERTIFICATE_CAS, caCertificates);
		files.put(SERVER_CERTIFICATE_FILE, Pem.certificate(server.certificate()));
		files.put(SERVER_CERTIFICATE_CHAIN_FILE, Pem.certificates(server.issuerChain()));
		files.put(SERVER_KEY_FILE, Pem.privateKey(server.privateKey()));
		files.put(CLIENT_CERTIFICATE_FILE, Pem.certificate(client.certificate()));
		files.put(CLIENT_KEY_FILE, Pem.encryptedPrivateKey(client.privateKey(),
				PkiDirectory.DEFAULT_STORE_PASSWORD.toCharArray()));

		Map<String, String> environment = new LinkedHashMap<>();
		environment.put(ORGANIZATION_IDENTIFIER, organizationIdentifier);
		environment.put(BASE_URL, baseUrl);
		environment.put(INIT_BUNDLE, DEFAULT_INIT_BUNDLE);
		environment.put(TRUST_CLIENT_CERTIFICATE_CAS, DEFAULT_TRUST_CLIENT_CERTIFICATE_CAS);
		environment.put(BPE_TRUST_SERVER_CERTIFICATE_CAS, DEFAULT_TRUST_SERVER_CERTIFICATE_CAS);
		environment.put(SERVER_CERTIFICATE, SERVER_CERTIFICATE_FILE);
		environment.put(SERVER_CERTIFICATE_CHAIN, SERVER_CERTIFICATE_CHAIN_FILE);
		environment.put(SERVER_CERTIFICATE_KEY, SERVER_KEY_FILE);
		environment.put(BPE_CLIENT_CERTIFICATE, CLIENT_CERTIFICATE_FILE);
		environment.put(BPE_CLIENT_PRIVATE_KEY, CLIENT_KEY_FILE);
		environment.put(BPE_CLIENT_PRIVATE_KEY_PASSWORD, PkiDirectory.DEFAULT_STORE_PASSWORD);
		return new OrganizationImageInput(environment, files);
	}

	/** This input with more environment variables, e.g. plugin settings; they replace variables of the same name. */
	public OrganizationImageInput withEnvironment(Map<String, String> more)
	{
		Map<String, String> merged = new LinkedHashMap<>(environment);
		merged.putAll(more);
		return new OrganizationImageInput(merged, files);
	}
}
