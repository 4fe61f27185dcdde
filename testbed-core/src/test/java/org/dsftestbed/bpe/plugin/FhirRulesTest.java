package org.dsftestbed.bpe.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.CODE_SYSTEM;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.LIBRARY;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.MEASURE;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.NAMING_SYSTEM;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PING;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PING_ACTIVITY_DEFINITION;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PONG;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PONG_ACTIVITY_DEFINITION;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.QUESTIONNAIRE;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.STRUCTURE_DEFINITION;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.VALUE_SET;

import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.FhirFileNotXmlOrJson;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.MissingFhirFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FHIR resources (spec §5.3). A resource that breaks a rule is left out of every process it is listed for; the plugin
 * loads without it. Only files that do not parse reject the plugin (DSF's BPE would not start).
 */
class FhirRulesTest extends PluginTests
{
	private static final String VERSION_XML = "<version value=\"#{version}\" />";
	private static final String VERSION_JSON = "\"version\": \"#{version}\",";

	/** The plugin loads, and the file is in no process. */
	private LoadedPlugin loadedWithout(TestPlugin plugin, String file)
	{
		LoadedPlugin loaded = loaded(load(plugin));
		loaded.processes().forEach(p -> assertThat(p.fhirResources()).extracting(FhirResourceFile::file)
				.doesNotContain(file));
		return loaded;
	}

	private static String versionElement(String file)
	{
		return file.endsWith(".json") ? VERSION_JSON : VERSION_XML;
	}

	@Test
	void aResourcePathMustEndInXmlOrJson()
	{
		LoadedPlugin plugin = loaded(load(TestPlugin.ping().definition(FhirFileNotXmlOrJson.class)));

		assertThat(rules(plugin)).containsExactly(Rule.FHIR_FILE_NAME);
		assertThat(messages(plugin)).containsExactly(
				JAR + ": fhir/CodeSystem/dsf-ping.txt: FHIR resource path does not end in .xml or .json");
	}

	@Test
	void aMissingResourceIsLeftOut()
	{
		assertThat(rules(loaded(load(TestPlugin.ping().definition(MissingFhirFile.class)))))
				.containsExactly(Rule.FHIR_FILE_READABLE);
	}

	@Test
	void aResourceThatDoesNotParseRejectsThePlugin()
	{
		RejectedPlugin plugin = rejected(load(TestPlugin.ping().replace(CODE_SYSTEM, "</CodeSystem>", "")));

		assertThat(rules(plugin)).containsExactly(Rule.FHIR_PARSEABLE);
		assertThat(plugin.findings().get(0).abortsDsfStartup()).isTrue();
	}

	@Test
	void onlyTheNineUploadedTypesAreAllowed()
	{
		TestPlugin plugin = TestPlugin.ping().put(LIBRARY, """
				<Organization xmlns="http://hl7.org/fhir"><name value="not a plugin resource" /></Organization>""");

		LoadedPlugin loaded = loadedWithout(plugin, LIBRARY);

		assertThat(rules(loaded)).containsExactly(Rule.FHIR_RESOURCE_TYPE);
		assertThat(loaded.findings().get(0).message()).startsWith("Organization is not one of ActivityDefinition,");
	}

	@ParameterizedTest
	@ValueSource(strings = { CODE_SYSTEM, LIBRARY, MEASURE, QUESTIONNAIRE, STRUCTURE_DEFINITION, VALUE_SET,
			PONG_ACTIVITY_DEFINITION })
	void aMetadataResourceNeedsTheResourceVersion(String file)
	{
		TestPlugin plugin = TestPlugin.ping().replace(file, versionElement(file),
				versionElement(file).replace("#{version}", "1.1"));

		LoadedPlugin loaded = loadedWithout(plugin, file);

		assertThat(rules(loaded)).startsWith(Rule.FHIR_VERSION);
		assertThat(loaded.findings().get(0).message()).endsWith(".version '1.1' does not equal resource version '1.0'");
	}

	@Test
	void aMetadataResourceWithoutVersionIsLeftOut()
	{
		assertThat(rules(loadedWithout(TestPlugin.ping().replace(CODE_SYSTEM, VERSION_XML, ""), CODE_SYSTEM)))
				.containsExactly(Rule.FHIR_VERSION);
	}

	@Test
	void aMetadataResourceNeedsAUrl()
	{
		TestPlugin plugin = TestPlugin.ping().replace(CODE_SYSTEM,
				"<url value=\"http://dsf.dev/fhir/CodeSystem/ping\" />", "");

		assertThat(rules(loadedWithout(plugin, CODE_SYSTEM))).containsExactly(Rule.FHIR_URL);
	}

	@Test
	void anActivityDefinitionWithoutUrlRejectsThePluginAsDsfWouldNotStart()
	{
		TestPlugin plugin = TestPlugin.ping().replace(PONG_ACTIVITY_DEFINITION,
				"<url value=\"http://dsf.dev/bpe/Process/pong\" />", "");

		RejectedPlugin rejected = rejected(load(plugin));

		assertThat(rules(rejected)).containsExactly(Rule.FHIR_URL);
		assertThat(rejected.findings().get(0).abortsDsfStartup()).isTrue();
	}

	@Test
	void anActivityDefinitionUrlMustNameAProcess()
	{
		TestPlugin plugin = TestPlugin.ping().replace(PING_ACTIVITY_DEFINITION, "http://dsf.dev/bpe/Process/ping",
				"http://localhost/bpe/Process/ping");

		LoadedPlugin loaded = loadedWithout(plugin, PING_ACTIVITY_DEFINITION);

		// and so the ping process has no ActivityDefinition left
		assertThat(rules(loaded)).containsExactly(Rule.ACTIVITY_DEFINITION_URL, Rule.PROCESS_ACTIVITY_DEFINITION);
		assertThat(loaded.processIds()).extracting(ProcessIdAndVersion::id).containsExactly(PONG);
	}

	@Test
	void aNamingSystemNeedsAName()
	{
		TestPlugin plugin = TestPlugin.ping().replace(NAMING_SYSTEM, "<name value=\"DSF testbed ping identifier\" />",
				"");

		assertThat(rules(loadedWithout(plugin, NAMING_SYSTEM))).containsExactly(Rule.NAMING_SYSTEM_NAME);
	}

	@Test
	void aNamingSystemNeedsNoVersion()
	{
		assertThat(TestPlugin.ping().content(NAMING_SYSTEM)).doesNotContain("<version");

		assertThat(files(loaded(load(TestPlugin.ping())), PING)).contains(NAMING_SYSTEM);
	}
}
