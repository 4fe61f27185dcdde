package org.dsftestbed.runtime.container.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dsftestbed.runtime.container.organization.OrganizationSettings.*;
import static org.dsftestbed.runtime.container.organization.TestOrganizations.A;
import static org.dsftestbed.runtime.container.organization.TestOrganizations.certificates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.pki.Pem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganizationSettingsTest
{
	@TempDir
	Path folder;

	private Map<String, String> environment;

	@BeforeEach
	void writeFiles()
	{
		environment = TestOrganizations.writeA(folder, "https://a/fhir");
	}

	private OrganizationSettings read()
	{
		return OrganizationSettings.from(environment, folder);
	}

	private void assertInvalid(String... messageParts)
	{
		assertThatThrownBy(this::read).isInstanceOf(InvalidConfigurationException.class)
				.hasMessageContainingAll(messageParts).extracting(Throwable::getMessage)
				.satisfies(message -> assertThat(message).doesNotContain("\n"));
	}

	@Test
	void theDsfVariablesConfigureServerAndBpe() throws IOException
	{
		Files.createFile(folder.resolve("process/z-plugin-1.0.0.0.jar"));
		Files.createFile(folder.resolve("process/a-plugin-1.0.0.0.jar"));
		Files.createFile(folder.resolve("process/readme.txt"));
		environment.put("DEV_DSF_BPE_EXAMPLE_SETTING", "value");

		OrganizationSettings settings = read();

		assertThat(settings.organizationIdentifier()).isEqualTo(A);
		assertThat(settings.baseUrl()).isEqualTo("https://a/fhir");
		assertThat(settings.clientCertificate().certificate())
				.isEqualTo(certificates().organization(A).client().certificate());
		assertThat(settings.serverCas()).containsExactlyElementsOf(certificates().pki().caCertificates());
		assertThat(settings.plugins()).extracting(PluginSource::name).containsExactly("a-plugin-1.0.0.0.jar",
				"z-plugin-1.0.0.0.jar");
		assertThat(settings.bpeEnvironment()).containsEntry("DEV_DSF_BPE_EXAMPLE_SETTING", "value")
				.containsEntry(ORGANIZATION_IDENTIFIER, A);
		assertThat(settings.controlPort()).isEqualTo(DEFAULT_CONTROL_PORT);
		assertThat(settings.controlHost()).isEqualTo(DEFAULT_API_HOST);
	}

	@Test
	void theServerListensOnTheBaseUrlsPortUnlessTheApiPortIsSet()
	{
		assertThat(read().fhirServer().port()).isEqualTo(443);
		environment.put(BASE_URL, "https://a:8443/fhir");
		writeAllowListFor("https://a:8443/fhir");
		assertThat(read().baseUrl()).isEqualTo("https://a:8443/fhir");
		assertThat(read().fhirServer().port()).isEqualTo(8443);
		environment.put(API_PORT, "8080");
		assertThat(read().fhirServer().port()).isEqualTo(8080);
		assertThat(read().baseUrl()).isEqualTo("https://a:8443/fhir");

		environment.put(API_PORT, "70000");
		assertInvalid(API_PORT + "=70000", "not a port");
		environment.put(API_PORT, "eighty");
		assertInvalid(API_PORT + "=eighty", "not a positive number");
	}

	private void writeAllowListFor(String baseUrl)
	{
		TestOrganizations.writeA(folder, baseUrl);
	}

	@Test
	void aMissingRequiredVariableIsNamed()
	{
		for (String variable : new String[] { ORGANIZATION_IDENTIFIER, BASE_URL, SERVER_CERTIFICATE,
				SERVER_CERTIFICATE_KEY, BPE_CLIENT_CERTIFICATE, BPE_CLIENT_PRIVATE_KEY })
		{
			Map<String, String> complete = Map.copyOf(environment);
			environment.remove(variable);
			assertInvalid(variable + " is not set");
			environment.putAll(complete);
		}
	}

	@Test
	void aMissingFileIsNamedWithItsVariable() throws IOException
	{
		Files.delete(folder.resolve(OrganizationImageInput.CLIENT_CERTIFICATE_FILE));
		assertInvalid(BPE_CLIENT_CERTIFICATE, folder.resolve(OrganizationImageInput.CLIENT_CERTIFICATE_FILE).toString(),
				"does not exist");
	}

	@Test
	void aMissingDefaultFileSaysWhichVariableToSet() throws IOException
	{
		environment.remove(INIT_BUNDLE);
		Files.delete(folder.resolve(DEFAULT_INIT_BUNDLE));
		assertInvalid(INIT_BUNDLE, DEFAULT_INIT_BUNDLE, "(the default; set " + INIT_BUNDLE + ")");
	}

	@Test
	void aBaseUrlNotOfDsfsFormIsRefused()
	{
		environment.put(BASE_URL, "http://a/fhir");
		assertInvalid(BASE_URL, "https://<host>[:<port>]/fhir");
		environment.put(BASE_URL, "https://a/other");
		assertInvalid(BASE_URL, "https://<host>[:<port>]/fhir");
	}

	@Test
	void aBaseUrlHostNotOnTheServerCertificateIsRefused()
	{
		environment.put(BASE_URL, "https://elsewhere/fhir");
		assertInvalid(BASE_URL, "'elsewhere' is not a name of the server certificate", "localhost");
	}

	@Test
	void anAllowListWithoutTheOwnEndpointIsRefused()
	{
		writeAllowListFor("https://localhost/fhir");
		assertInvalid(INIT_BUNDLE, "no Endpoint with address https://a/fhir", "https://localhost/fhir");
	}

	@Test
	void theBpesBaseUrlMustBeTheServers()
	{
		environment.put(BPE_FHIR_SERVER_BASE_URL, "https://a/fhir");
		assertThat(read().baseUrl()).isEqualTo("https://a/fhir");
		environment.put(BPE_FHIR_SERVER_BASE_URL, "https://b/fhir");
		assertInvalid(BPE_FHIR_SERVER_BASE_URL + "=https://b/fhir", "must equal");
	}

	@Test
	void aKeyOfAnotherCertificateIsRefused() throws IOException
	{
		Files.writeString(folder.resolve(OrganizationImageInput.SERVER_KEY_FILE),
				Pem.privateKey(certificates().organization(TestOrganizations.B).server().privateKey()));
		assertInvalid(SERVER_CERTIFICATE_KEY, "does not belong to the certificate",
				OrganizationImageInput.SERVER_CERTIFICATE_FILE);
	}

	@Test
	void anEncryptedKeyNeedsItsPasswordWhichMayComeFromAFile() throws IOException
	{
		environment.remove(BPE_CLIENT_PRIVATE_KEY_PASSWORD);
		assertInvalid(BPE_CLIENT_PRIVATE_KEY, "encrypted", BPE_CLIENT_PRIVATE_KEY_PASSWORD);

		Files.writeString(folder.resolve("secrets/password"), "password\nignored second line\n");
		environment.put(BPE_CLIENT_PRIVATE_KEY_PASSWORD + "_FILE", "secrets/password");
		assertThat(read().clientCertificate().privateKey())
				.isEqualTo(certificates().organization(A).client().privateKey());

		Files.writeString(folder.resolve("secrets/password"), "wrong\n");
		assertInvalid(BPE_CLIENT_PRIVATE_KEY, "cannot decrypt");
	}

	@Test
	void aFileThatIsNoPemIsNamed() throws IOException
	{
		Files.writeString(folder.resolve(DEFAULT_TRUST_CLIENT_CERTIFICATE_CAS), "not a certificate");
		assertInvalid(TRUST_CLIENT_CERTIFICATE_CAS, "holds no PEM certificate");
	}

	@Test
	void bundlePlaceholdersAreTakenFromTheEnvironment() throws IOException
	{
		Path bundle = folder.resolve(DEFAULT_INIT_BUNDLE);
		String thumbprint = certificates().organization(A).client().thumbprint();
		Files.writeString(bundle, Files.readString(bundle).replace(thumbprint,
				"${DEV_DSF_FHIR_SERVER_ORGANIZATION_THUMBPRINT}"));
		assertInvalid(INIT_BUNDLE, "${DEV_DSF_FHIR_SERVER_ORGANIZATION_THUMBPRINT}", "not set");

		environment.put("DEV_DSF_FHIR_SERVER_ORGANIZATION_THUMBPRINT", thumbprint);
		assertThat(read().organizationIdentifier()).isEqualTo(A);

		Files.writeString(bundle, "<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"nonsense\"/></Bundle>");
		assertInvalid(INIT_BUNDLE, "is not a FHIR Bundle");
	}

	@Test
	void aMissingPluginDirectoryIsNamed()
	{
		environment.put(PLUGIN_DIRECTORY, "plugins");
		assertInvalid(PLUGIN_DIRECTORY, folder.resolve("plugins").toString(), "does not exist");
	}
}
