package org.dsftestbed.bpe.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.CODE_SYSTEM;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PING;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PING_BPMN;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.TASK;

import java.util.Map;

import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** Placeholders in the test plugin's files, replaced when it is loaded (spec §5.3). */
class PlaceholdersTest extends PluginTests
{
	private static PluginProcess ping(LoadedPlugin plugin)
	{
		return process(plugin, PING);
	}

	private static String timer(LoadedPlugin plugin)
	{
		return ping(plugin).model().getModelElementsByType(TimeDuration.class).iterator().next().getTextContent();
	}

	private static <T> T resource(LoadedPlugin plugin, Class<T> type)
	{
		return ping(plugin).fhirResources().stream().map(FhirResourceFile::resource).filter(type::isInstance)
				.map(type::cast).findFirst().orElseThrow();
	}

	@Test
	void versionDateAndOrganizationAreReplacedInBpmnAndFhirFiles()
	{
		LoadedPlugin plugin = loaded(load(TestPlugin.ping()));

		CamundaField instantiatesCanonical = ping(plugin).model().getModelElementsByType(CamundaField.class).stream()
				.filter(f -> "instantiatesCanonical".equals(f.getCamundaName())).findFirst().orElseThrow();
		assertThat(instantiatesCanonical.getTextContent()).isEqualTo("http://dsf.dev/bpe/Process/pong|1.0");
		Task template = resource(plugin, Task.class);
		assertThat(template.getInstantiatesCanonical()).isEqualTo("http://dsf.dev/bpe/Process/ping|1.0");
		assertThat(template.getAuthoredOnElement().getValueAsString()).isEqualTo("2025-10-21");
		assertThat(template.getRestriction().getRecipientFirstRep().getIdentifier().getValue()).isEqualTo(ORGANIZATION);
	}

	@Test
	void camundaExpressionsStayInTheModel()
	{
		MultiInstanceLoopCharacteristics loop = ping(loaded(load(TestPlugin.ping()))).model()
				.getModelElementsByType(MultiInstanceLoopCharacteristics.class).iterator().next();

		assertThat(loop.getCamundaCollection()).isEqualTo("${targets.entries}");
	}

	@Test
	void defaultsApplyWithoutEnvironment()
	{
		LoadedPlugin plugin = loaded(load(TestPlugin.ping()));

		assertThat(timer(plugin)).isEqualTo("PT20S");
		assertThat(resource(plugin, CodeSystem.class).getDescription()).isEqualTo("Codes of the ping test process");
	}

	@Test
	void theOrganizationsEnvironmentSetsPropertiesInEitherSpelling()
	{
		LoadedPlugin plugin = loaded(load(TestPlugin.ping(), Map.of("DEV_DSF_TESTBED_PING_TIMEOUT", "PT5S",
				"dev.dsf.testbed.ping.description", "Pings of the lab")));

		assertThat(timer(plugin)).isEqualTo("PT5S");
		assertThat(resource(plugin, CodeSystem.class).getDescription()).isEqualTo("Pings of the lab");
	}

	@Test
	void dollarPlaceholdersInFhirFilesAreResolvedFromTheEnvironmentAsInDsf()
	{
		TestPlugin plugin = TestPlugin.ping().replace(CODE_SYSTEM, "<publisher value=\"DSF testbed\" />",
				"<publisher value=\"${dev.dsf.testbed.publisher}\" />");

		LoadedPlugin loaded = loaded(load(plugin, Map.of("DEV_DSF_TESTBED_PUBLISHER", "The lab")));

		assertThat(resource(loaded, CodeSystem.class).getPublisher()).isEqualTo("The lab");
	}

	@Test
	void anUnresolvablePlaceholderRejectsThePluginNamingFileAndPlaceholder()
	{
		TestPlugin plugin = TestPlugin.ping().replace(PING_BPMN, "#{dev.dsf.testbed.ping.timeout:PT20S}",
				"#{dev.dsf.testbed.ping.timeout}");

		RejectedPlugin rejected = rejected(load(plugin));

		assertThat(rules(rejected)).containsExactly(Rule.PLACEHOLDERS_RESOLVABLE);
		assertThat(messages(rejected)).containsExactly("ping-1.0.0.0.jar: bpe/ping.bpmn: placeholder"
				+ " #{dev.dsf.testbed.ping.timeout} cannot be resolved: the organization's environment has neither"
				+ " dev.dsf.testbed.ping.timeout nor DEV_DSF_TESTBED_PING_TIMEOUT; set one of them, or give a default:"
				+ " #{dev.dsf.testbed.ping.timeout:default} (the DSF 1.9.0 BPE would not start at all)");
	}

	@Test
	void aLiteralDollarPlaceholderInAFhirFileRejectsThePluginAsInDsf()
	{
		TestPlugin plugin = TestPlugin.ping().replace(TASK, "<valueString value=\"startPing\" />",
				"<valueString value=\"startPing\" /><!-- ${not.configured} -->");

		RejectedPlugin rejected = rejected(load(plugin));

		assertThat(rules(rejected)).containsExactly(Rule.PLACEHOLDERS_RESOLVABLE);
		assertThat(rejected.findings().get(0).file()).isEqualTo(TASK);
		assertThat(rejected.findings().get(0).message()).startsWith("placeholder ${not.configured} cannot be resolved");
	}
}
