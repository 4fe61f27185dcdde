package org.dsftestbed.runtime.container.dsf;

import static org.dsftestbed.runtime.container.organization.OrganizationSettings.*;

import java.util.Map;
import java.util.Objects;

import org.dsftestbed.network.AllowListBundle;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkCertificates.OrganizationCertificates;
import org.dsftestbed.network.PkiDirectory;
import org.dsftestbed.pki.IssuedCertificate;
import org.dsftestbed.pki.Pem;
import org.dsftestbed.pki.Thumbprint;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Everything DSF's FHIR server and BPE images need for one organization (spec §6.2, §6.6), made from the network's
 * certificates, allow list and database server: the allow list as {@code conf/bundle.xml}, the CA files in DSF's
 * {@code ca/} layout, certificates and keys as PEM files, database and key passwords as secret files named by
 * {@code *_FILE} variables, distinct database users per organization, and the server certificate for DSF's HTTPS main
 * classes ({@code DEV_DSF_SERVER_CERTIFICATE*}), which terminate TLS in place of the proxy. The FHIR server listens on
 * 443 so that {@code https://<hostname>/fhir} reaches it. Plugin jars are not part of it: they go to
 * {@value #BPE_PLUGIN_DIRECTORY}.
 *
 * <pre>{@code
 * DsfOrganizationInput input = DsfOrganizationInput.of(dic1, "https://dic1/fhir", certificates, allowList, db);
 * fhirContainer.withEnv(input.fhir().environment());
 * }</pre>
 */
public record DsfOrganizationInput(DsfContainerInput fhir, DsfContainerInput bpe)
{
	public static final String FHIR_HOME = "/opt/fhir/";
	public static final String BPE_HOME = "/opt/bpe/";
	public static final String BPE_PLUGIN_DIRECTORY = BPE_HOME + DEFAULT_PLUGIN_DIRECTORY;

	/** The FHIR server's port: the Endpoint addresses ({@code https://<hostname>/fhir}) name none. */
	public static final int FHIR_API_PORT = 443;

	/** The images' status port; their health checks ask it, it is bound to the container's loopback. */
	public static final int STATUS_PORT = 10000;

	/** DSF's test setups encrypt the client keys with this password; so does this testbed. */
	static final String KEY_PASSWORD = PkiDirectory.DEFAULT_STORE_PASSWORD;

	static final String FHIR_DB_URL = "DEV_DSF_FHIR_DB_URL";
	static final String FHIR_DB_LIQUIBASE_USERNAME = "DEV_DSF_FHIR_DB_LIQUIBASE_USERNAME";
	static final String FHIR_DB_LIQUIBASE_PASSWORD = "DEV_DSF_FHIR_DB_LIQUIBASE_PASSWORD";
	static final String FHIR_DB_USER = "DEV_DSF_FHIR_DB_USER";
	static final String FHIR_DB_USER_PERMANENT_DELETE = "DEV_DSF_FHIR_DB_USER_PERMANENT_DELETE";
	static final String FHIR_ORGANIZATION_THUMBPRINT = "DEV_DSF_FHIR_SERVER_ORGANIZATION_THUMBPRINT";
	static final String BPE_DB_URL = "DEV_DSF_BPE_DB_URL";
	static final String BPE_DB_LIQUIBASE_USERNAME = "DEV_DSF_BPE_DB_LIQUIBASE_USERNAME";
	static final String BPE_DB_LIQUIBASE_PASSWORD = "DEV_DSF_BPE_DB_LIQUIBASE_PASSWORD";
	static final String BPE_DB_USER = "DEV_DSF_BPE_DB_USER";
	static final String BPE_DB_USER_CAMUNDA = "DEV_DSF_BPE_DB_USER_CAMUNDA";
	static final String BPE_SERVER_BASE_URL = "DEV_DSF_BPE_SERVER_BASE_URL";

	public DsfOrganizationInput
	{
		Objects.requireNonNull(fhir, "fhir");
		Objects.requireNonNull(bpe, "bpe");
	}

	/**
	 * @param baseUrl
	 *            the organization's Endpoint address on the allow list, {@code https://<hostname>/fhir}
	 * @param pluginEnvironment
	 *            variables for the BPE's plugins (the organization definition's {@code environment}); they may not
	 *            replace what the testbed sets
	 * @throws IllegalArgumentException
	 *             when the base URL does not end in {@code /fhir}, or a plugin variable would replace a DSF setting
	 */
	public static DsfOrganizationInput of(String organizationIdentifier, String baseUrl,
			NetworkCertificates certificates, Bundle allowList, DsfDatabaseServer database,
			Map<String, String> pluginEnvironment)
	{
		if (!baseUrl.endsWith("/fhir"))
			throw new IllegalArgumentException("organization " + organizationIdentifier + ": base URL " + baseUrl
					+ " must end in /fhir, as DSF's FHIR server's context path");
		OrganizationCertificates own = certificates.organization(organizationIdentifier);
		String caCertificates = Pem.certificates(certificates.pki().caCertificates());
		String prefix = database.prefix(organizationIdentifier);

		DsfContainerInput.Builder fhir = common(FHIR_HOME, own, caCertificates)
				.variable(API_PORT, String.valueOf(FHIR_API_PORT))
				.variable(BASE_URL, baseUrl)
				.variable(ORGANIZATION_IDENTIFIER, organizationIdentifier)
				.variable(FHIR_ORGANIZATION_THUMBPRINT, Thumbprint.of(own.client().certificate()))
				.file(INIT_BUNDLE, FHIR_HOME + DEFAULT_INIT_BUNDLE, AllowListBundle.toXml(allowList))
				.file(FHIR_CLIENT_TRUST_SERVER_CERTIFICATE_CAS, FHIR_HOME + DEFAULT_TRUST_SERVER_CERTIFICATE_CAS,
						caCertificates)
				.file(FHIR_CLIENT_CERTIFICATE, CLIENT_CERTIFICATE_FILE, Pem.certificate(own.client().certificate()))
				.file(FHIR_CLIENT_PRIVATE_KEY, CLIENT_KEY_FILE, clientKey(own.client()))
				.secret(FHIR_CLIENT_PRIVATE_KEY_PASSWORD, "client_certificate_private_key.pem.password", KEY_PASSWORD)
				.variable(FHIR_DB_URL, database.jdbcUrl(database.fhirDatabase(organizationIdentifier)))
				.variable(FHIR_DB_LIQUIBASE_USERNAME, DsfDatabaseServer.LIQUIBASE_USER)
				.file(FHIR_DB_LIQUIBASE_PASSWORD + "_FILE", DsfDatabaseServer.LIQUIBASE_PASSWORD_FILE,
						database.liquibasePasswordFile())
				.variable(FHIR_DB_USER + "_GROUP", prefix + "_fhir_users")
				.variable(FHIR_DB_USER + "_USERNAME", prefix + "_fhir_server_user")
				.secret(FHIR_DB_USER + "_PASSWORD", "db_fhir_user.password", DsfDatabaseServer.password())
				.variable(FHIR_DB_USER_PERMANENT_DELETE + "_GROUP", prefix + "_fhir_permanent_delete_users")
				.variable(FHIR_DB_USER_PERMANENT_DELETE + "_USERNAME", prefix + "_fhir_server_permanent_delete_user")
				.secret(FHIR_DB_USER_PERMANENT_DELETE + "_PASSWORD", "db_fhir_user_permanent_delete.password",
						DsfDatabaseServer.password());

		DsfContainerInput.Builder bpe = common(BPE_HOME, own, caCertificates)
				.variable(BPE_FHIR_SERVER_BASE_URL, baseUrl)
				.variable(BPE_SERVER_BASE_URL, baseUrl.substring(0, baseUrl.length() - "/fhir".length()) + "/bpe")
				.file(BPE_TRUST_SERVER_CERTIFICATE_CAS, BPE_HOME + DEFAULT_TRUST_SERVER_CERTIFICATE_CAS, caCertificates)
				.file(BPE_CLIENT_CERTIFICATE, CLIENT_CERTIFICATE_FILE, Pem.certificate(own.client().certificate()))
				.file(BPE_CLIENT_PRIVATE_KEY, CLIENT_KEY_FILE, clientKey(own.client()))
				.secret(BPE_CLIENT_PRIVATE_KEY_PASSWORD, "client_certificate_private_key.pem.password", KEY_PASSWORD)
				.variable(PLUGIN_DIRECTORY, DEFAULT_PLUGIN_DIRECTORY)
				.variable(BPE_DB_URL, database.jdbcUrl(database.bpeDatabase(organizationIdentifier)))
				.variable(BPE_DB_LIQUIBASE_USERNAME, DsfDatabaseServer.LIQUIBASE_USER)
				.file(BPE_DB_LIQUIBASE_PASSWORD + "_FILE", DsfDatabaseServer.LIQUIBASE_PASSWORD_FILE,
						database.liquibasePasswordFile())
				.variable(BPE_DB_USER + "_GROUP", prefix + "_bpe_users")
				.variable(BPE_DB_USER + "_USERNAME", prefix + "_bpe_server_user")
				.secret(BPE_DB_USER + "_PASSWORD", "db_bpe_user.password", DsfDatabaseServer.password())
				.variable(BPE_DB_USER_CAMUNDA + "_GROUP", prefix + "_camunda_users")
				.variable(BPE_DB_USER_CAMUNDA + "_USERNAME", prefix + "_camunda_server_user")
				.secret(BPE_DB_USER_CAMUNDA + "_PASSWORD", "db_bpe_user_camunda.password",
						DsfDatabaseServer.password());
		for (String name : pluginEnvironment.keySet())
			if (bpe.has(name))
				throw new IllegalArgumentException("organization " + organizationIdentifier + ": environment variable "
						+ name + " is set by the testbed for DSF's BPE; remove it from the organization's environment");
		return new DsfOrganizationInput(fhir.build(), bpe.variables(pluginEnvironment).build());
	}

	static final String CLIENT_CERTIFICATE_FILE = DsfContainerInput.SECRETS + "client_certificate.pem";
	static final String CLIENT_KEY_FILE = DsfContainerInput.SECRETS + "client_certificate_private_key.pem";
	static final String SERVER_CERTIFICATE_FILE = DsfContainerInput.SECRETS + "server_certificate.pem";
	static final String SERVER_CERTIFICATE_CHAIN_FILE = DsfContainerInput.SECRETS + "server_certificate_chain.pem";
	static final String SERVER_KEY_FILE = DsfContainerInput.SECRETS + "server_certificate_private_key.pem";

	/** What both servers share: trusted client CAs and the server certificate for the HTTPS main class. */
	private static DsfContainerInput.Builder common(String home, OrganizationCertificates own, String caCertificates)
	{
		IssuedCertificate server = own.server();
		return new DsfContainerInput.Builder()
				.file(TRUST_CLIENT_CERTIFICATE_CAS, home + DEFAULT_TRUST_CLIENT_CERTIFICATE_CAS, caCertificates)
				.file(SERVER_CERTIFICATE, SERVER_CERTIFICATE_FILE, Pem.certificate(server.certificate()))
				.file(SERVER_CERTIFICATE_CHAIN, SERVER_CERTIFICATE_CHAIN_FILE, Pem.certificates(server.issuerChain()))
				.file(SERVER_CERTIFICATE_KEY, SERVER_KEY_FILE, Pem.privateKey(server.privateKey()));
	}

	/** AES-encrypted PKCS#8, as DSF's test certificate generator writes client keys. */
	private static String clientKey(IssuedCertificate client)
	{
		return Pem.encryptedPrivateKey(client.privateKey(), KEY_PASSWORD.toCharArray());
	}
}
