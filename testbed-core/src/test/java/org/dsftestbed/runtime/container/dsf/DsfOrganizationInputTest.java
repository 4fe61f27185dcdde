package org.dsftestbed.runtime.container.dsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.dsftestbed.network.AllowListBundle;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkPresets;
import org.dsftestbed.network.OrganizationDefinition;
import org.dsftestbed.pki.KeyType;
import org.dsftestbed.pki.Pem;
import org.dsftestbed.pki.Thumbprint;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The environment and files DSF's images get, checked against spec §6.2 without Docker. */
class DsfOrganizationInputTest
{
	private static final String DIC = "dic.dsf.test";
	private static final String BASE_URL = "https://dic.dsf.test/fhir";

	/** Spec §6.2: what DSF's FHIR server needs to start (secrets as {@code _FILE}). */
	private static final List<String> FHIR_REQUIRED = List.of("DEV_DSF_FHIR_DB_URL",
			"DEV_DSF_FHIR_DB_LIQUIBASE_PASSWORD_FILE", "DEV_DSF_FHIR_DB_USER_GROUP", "DEV_DSF_FHIR_DB_USER_USERNAME",
			"DEV_DSF_FHIR_DB_USER_PASSWORD_FILE", "DEV_DSF_FHIR_DB_USER_PERMANENT_DELETE_GROUP",
			"DEV_DSF_FHIR_DB_USER_PERMANENT_DELETE_USERNAME", "DEV_DSF_FHIR_DB_USER_PERMANENT_DELETE_PASSWORD_FILE",
			"DEV_DSF_FHIR_SERVER_BASE_URL", "DEV_DSF_FHIR_SERVER_ORGANIZATION_IDENTIFIER_VALUE",
			"DEV_DSF_FHIR_SERVER_ORGANIZATION_THUMBPRINT", "DEV_DSF_FHIR_SERVER_INIT_BUNDLE",
			"DEV_DSF_FHIR_CLIENT_CERTIFICATE", "DEV_DSF_FHIR_CLIENT_CERTIFICATE_PRIVATE_KEY",
			"DEV_DSF_FHIR_CLIENT_CERTIFICATE_PRIVATE_KEY_PASSWORD_FILE",
			"DEV_DSF_FHIR_CLIENT_TRUST_SERVER_CERTIFICATE_CAS", "DEV_DSF_SERVER_AUTH_TRUST_CLIENT_CERTIFICATE_CAS",
			"DEV_DSF_SERVER_CERTIFICATE", "DEV_DSF_SERVER_CERTIFICATE_CHAIN", "DEV_DSF_SERVER_CERTIFICATE_KEY");

	/** Spec §6.2: what DSF's BPE needs to start. */
	private static final List<String> BPE_REQUIRED = List.of("DEV_DSF_BPE_DB_URL",
			"DEV_DSF_BPE_DB_LIQUIBASE_PASSWORD_FILE", "DEV_DSF_BPE_DB_USER_GROUP", "DEV_DSF_BPE_DB_USER_USERNAME",
			"DEV_DSF_BPE_DB_USER_PASSWORD_FILE", "DEV_DSF_BPE_DB_USER_CAMUNDA_GROUP",
			"DEV_DSF_BPE_DB_USER_CAMUNDA_USERNAME", "DEV_DSF_BPE_DB_USER_CAMUNDA_PASSWORD_FILE",
			"DEV_DSF_BPE_FHIR_SERVER_BASE_URL", "DEV_DSF_BPE_FHIR_CLIENT_CERTIFICATE",
			"DEV_DSF_BPE_FHIR_CLIENT_CERTIFICATE_PRIVATE_KEY",
			"DEV_DSF_BPE_FHIR_CLIENT_CERTIFICATE_PRIVATE_KEY_PASSWORD_FILE",
			"DEV_DSF_BPE_FHIR_CLIENT_TRUST_SERVER_CERTIFICATE_CAS", "DEV_DSF_SERVER_AUTH_TRUST_CLIENT_CERTIFICATE_CAS",
			"DEV_DSF_BPE_PROCESS_PLUGIN_DIRECTORY", "DEV_DSF_SERVER_CERTIFICATE", "DEV_DSF_SERVER_CERTIFICATE_KEY");

	private static NetworkDefinition network;
	private static NetworkCertificates certificates;
	private static Bundle allowList;
	private static DsfDatabaseServer database;

	@BeforeAll
	static void network()
	{
		network = NetworkPresets.load("tutorial");
		certificates = NetworkCertificates.generate(network, KeyType.EC_P256, Clock.systemUTC());
		allowList = AllowListBundle.builder(network).thumbprints(certificates::allowListThumbprints)
				.endpointAddress(o -> "https://" + o.primaryHostname() + "/fhir").build();
		database = DsfDatabaseServer.of(network.organizations().stream().map(OrganizationDefinition::identifier).toList());
	}

	private static DsfOrganizationInput input(Map<String, String> pluginEnvironment)
	{
		return DsfOrganizationInput.of(DIC, BASE_URL, certificates, allowList, database, pluginEnvironment);
	}

	@Test
	void everyRequiredVariableIsSetAndEveryPathIsACopiedFile()
	{
		DsfOrganizationInput input = input(Map.of());
		assertThat(input.fhir().environment()).containsKeys(FHIR_REQUIRED.toArray(String[]::new));
		assertThat(input.bpe().environment()).containsKeys(BPE_REQUIRED.toArray(String[]::new));

		for (DsfContainerInput container : List.of(input.fhir(), input.bpe()))
			container.environment().forEach((name, value) ->
			{
				if (name.endsWith("_FILE") || name.endsWith("_CERTIFICATE") || name.endsWith("_KEY")
						|| name.endsWith("_CAS") || name.endsWith("_CHAIN") || name.endsWith("_PRIVATE_KEY"))
					assertThat(container.files()).as(name + "=" + value).containsKey(value);
			});
		assertThat(input.fhir().files().keySet()).as("files the FHIR server gets").allMatch(
				path -> path.startsWith("/opt/fhir/") || path.startsWith(DsfContainerInput.SECRETS));
		assertThat(input.bpe().files().keySet()).as("files the BPE gets").allMatch(
				path -> path.startsWith("/opt/bpe/") || path.startsWith(DsfContainerInput.SECRETS));
	}

	@Test
	void secretsAreFilesNeverVariables()
	{
		DsfOrganizationInput input = input(Map.of());
		for (DsfContainerInput container : List.of(input.fhir(), input.bpe()))
		{
			assertThat(container.environment().keySet()).as("plain password variables")
					.noneMatch(name -> name.endsWith("_PASSWORD") || name.endsWith("_SECRET"));
			container.environment().entrySet().stream().filter(e -> e.getKey().endsWith("_PASSWORD_FILE"))
					.forEach(e -> assertThat(container.files().get(e.getValue())).as(e.getKey())
							.startsWith(e.getValue().endsWith("private_key.pem.password") ? DsfOrganizationInput.KEY_PASSWORD
									: "")
							.endsWith("\n").hasSizeGreaterThan(1));
		}
		assertThat(input.fhir().files().get(input.fhir().environment().get("DEV_DSF_FHIR_DB_USER_PASSWORD_FILE")))
				.as("each database user has its own password")
				.isNotEqualTo(input.fhir().files().get(
						input.fhir().environment().get("DEV_DSF_FHIR_DB_USER_PERMANENT_DELETE_PASSWORD_FILE")));
	}

	@Test
	void theFhirServerKnowsItsIdentityAllowListAndCertificates() throws Exception
	{
		DsfContainerInput fhir = input(Map.of()).fhir();
		Map<String, String> env = fhir.environment();
		assertThat(env).containsEntry("DEV_DSF_FHIR_SERVER_BASE_URL", BASE_URL)
				.containsEntry("DEV_DSF_FHIR_SERVER_ORGANIZATION_IDENTIFIER_VALUE", DIC)
				.containsEntry("DEV_DSF_FHIR_SERVER_ORGANIZATION_THUMBPRINT",
						Thumbprint.of(certificates.organization(DIC).client().certificate()))
				.containsEntry("DEV_DSF_SERVER_API_PORT", "443")
				.containsEntry("DEV_DSF_FHIR_SERVER_INIT_BUNDLE", "/opt/fhir/conf/bundle.xml")
				.containsEntry("DEV_DSF_SERVER_AUTH_TRUST_CLIENT_CERTIFICATE_CAS", "/opt/fhir/ca/client_cert_ca_chains.pem")
				.containsEntry("DEV_DSF_FHIR_CLIENT_TRUST_SERVER_CERTIFICATE_CAS", "/opt/fhir/ca/server_cert_root_cas.pem")
				.containsEntry("DEV_DSF_FHIR_DB_URL", "jdbc:postgresql://db/dic_dsf_test_fhir");
		assertThat(fhir.files().get("/opt/fhir/conf/bundle.xml")).isEqualTo(AllowListBundle.toXml(allowList))
				.contains("cos.dsf.test", "hrp.dsf.test");
		assertThat(Pem.readCertificates(fhir.files().get(env.get("DEV_DSF_SERVER_CERTIFICATE"))))
				.containsExactly(certificates.organization(DIC).server().certificate());
		assertThat(Pem.readPrivateKey(fhir.files().get(env.get("DEV_DSF_FHIR_CLIENT_CERTIFICATE_PRIVATE_KEY")),
				DsfOrganizationInput.KEY_PASSWORD.toCharArray()))
				.isEqualTo(certificates.organization(DIC).client().privateKey());
	}

	@Test
	void theBpeReachesItsOwnFhirServerAndGetsThePluginSettings()
	{
		Map<String, String> env = input(Map.of("DEV_DSF_BPE_ALLOW_LIST_ORGANIZATION", "hrp.dsf.test")).bpe()
				.environment();
		assertThat(env).containsEntry("DEV_DSF_BPE_FHIR_SERVER_BASE_URL", BASE_URL)
				.containsEntry("DEV_DSF_BPE_SERVER_BASE_URL", "https://dic.dsf.test/bpe")
				.containsEntry("DEV_DSF_BPE_PROCESS_PLUGIN_DIRECTORY", "process")
				.containsEntry("DEV_DSF_BPE_DB_URL", "jdbc:postgresql://db/dic_dsf_test_bpe")
				.containsEntry("DEV_DSF_BPE_DB_USER_USERNAME", "dic_dsf_test_bpe_server_user")
				.containsEntry("DEV_DSF_BPE_DB_USER_CAMUNDA_GROUP", "dic_dsf_test_camunda_users")
				.containsEntry("DEV_DSF_BPE_ALLOW_LIST_ORGANIZATION", "hrp.dsf.test");
		assertThat(DsfOrganizationInput.BPE_PLUGIN_DIRECTORY).isEqualTo("/opt/bpe/process");
	}

	@Test
	void organizationsSharingTheClusterHaveDistinctDatabaseUsers()
	{
		DsfContainerInput other = DsfOrganizationInput
				.of("hrp.dsf.test", "https://hrp.dsf.test/fhir", certificates, allowList, database, Map.of()).fhir();
		DsfContainerInput own = input(Map.of()).fhir();
		for (String name : List.of("DEV_DSF_FHIR_DB_URL", "DEV_DSF_FHIR_DB_USER_GROUP", "DEV_DSF_FHIR_DB_USER_USERNAME",
				"DEV_DSF_FHIR_DB_USER_PERMANENT_DELETE_USERNAME"))
			assertThat(other.environment().get(name)).as(name).isNotEqualTo(own.environment().get(name));
	}

	@Test
	void badInputIsNamed()
	{
		assertThatThrownBy(() -> input(Map.of("DEV_DSF_BPE_DB_URL", "jdbc:postgresql://elsewhere/x")))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("organization dic.dsf.test: environment variable DEV_DSF_BPE_DB_URL is set by the testbed "
						+ "for DSF's BPE; remove it from the organization's environment");
		assertThatThrownBy(() -> DsfOrganizationInput.of(DIC, "https://dic.dsf.test", certificates, allowList,
				database, Map.of())).hasMessageContaining("must end in /fhir");
		assertThatThrownBy(() -> DsfOrganizationInput.of("unknown.org", "https://x/fhir", certificates, allowList,
				database, Map.of())).isInstanceOf(IllegalArgumentException.class);
	}
}
