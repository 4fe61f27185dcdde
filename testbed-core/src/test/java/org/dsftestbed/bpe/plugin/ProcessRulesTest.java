package org.dsftestbed.bpe.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PING;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PING_ACTIVITY_DEFINITION;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PONG_ACTIVITY_DEFINITION;

import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.FhirResourcesForUnknownProcess;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.PongWithPingActivityDefinition;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.PongWithTwoActivityDefinitions;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.PongWithoutActivityDefinition;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.PongWithoutFhirResources;
import org.junit.jupiter.api.Test;

/**
 * Processes and their FHIR resources (spec §5.2–5.3): a process needs FHIR resources and exactly one
 * ActivityDefinition whose url stands for its id, or it is left out (pong, here); ping stays.
 */
class ProcessRulesTest extends PluginTests
{
	/** Loads with ping only, pong left out for this rule. */
	private LoadedPlugin pongLeftOutFor(TestPlugin plugin, Rule rule)
	{
		LoadedPlugin loaded = loaded(load(plugin));
		assertThat(loaded.processIds()).extracting(ProcessIdAndVersion::id).containsExactly(PING);
		assertThat(rules(loaded)).containsExactly(rule);
		return loaded;
	}

	@Test
	void aProcessNeedsFhirResources()
	{
		LoadedPlugin plugin = pongLeftOutFor(TestPlugin.ping().definition(PongWithoutFhirResources.class),
				Rule.PROCESS_FHIR_RESOURCES);

		assertThat(messages(plugin)).containsExactly(JAR + ": bpe/pong.bpmn: process dsfdev_pong|1.0 has no valid FHIR"
				+ " resources: getFhirResourcesByProcessId() has no entry 'dsfdev_pong'");
	}

	@Test
	void aProcessNeedsAnActivityDefinition()
	{
		pongLeftOutFor(TestPlugin.ping().definition(PongWithoutActivityDefinition.class),
				Rule.PROCESS_ACTIVITY_DEFINITION);
	}

	@Test
	void aProcessNeedsExactlyOneActivityDefinition()
	{
		LoadedPlugin plugin = pongLeftOutFor(TestPlugin.ping().definition(PongWithTwoActivityDefinitions.class),
				Rule.PROCESS_ACTIVITY_DEFINITION);

		assertThat(plugin.findings().get(0).message())
				.isEqualTo("process dsfdev_pong|1.0 has 2 ActivityDefinitions among its FHIR resources,"
						+ " expected exactly 1");
	}

	@Test
	void theActivityDefinitionUrlStandsForTheProcessId()
	{
		LoadedPlugin plugin = pongLeftOutFor(TestPlugin.ping().definition(PongWithPingActivityDefinition.class),
				Rule.PROCESS_ACTIVITY_DEFINITION);

		assertThat(plugin.findings().get(0).message()).isEqualTo(
				"ActivityDefinition.url 'http://dsf.dev/bpe/Process/ping' stands for process id 'dsfdev_ping',"
						+ " not 'dsfdev_pong'");
	}

	@Test
	void theProcessIdDropsTheDotsOfTheDomain()
	{
		TestPlugin plugin = TestPlugin.ping().replace(PONG_ACTIVITY_DEFINITION, "http://dsf.dev/bpe/Process/pong",
				"https://ds.fdev/bpe/Process/pong");

		LoadedPlugin loaded = loaded(load(plugin));

		// ds.fdev → dsfdev_pong, the same process id: DSF accepts it
		assertThat(loaded.findings()).isEmpty();
	}

	@Test
	void resourcesListedForAnIdWithoutProcessModelAreNotUploaded()
	{
		LoadedPlugin plugin = loaded(load(TestPlugin.ping().definition(FhirResourcesForUnknownProcess.class)));

		assertThat(rules(plugin)).containsExactly(Rule.FHIR_RESOURCES_FOR_PROCESS);
		assertThat(plugin.fhirResources()).hasSize(2);
	}

	@Test
	void withoutAValidProcessThePluginIsRejected()
	{
		TestPlugin plugin = TestPlugin.ping().definition(PongWithoutActivityDefinition.class)
				.remove(PING_ACTIVITY_DEFINITION);

		RejectedPlugin rejected = rejected(load(plugin));

		assertThat(rules(rejected)).containsExactly(Rule.FHIR_FILE_READABLE, Rule.PROCESS_ACTIVITY_DEFINITION,
				Rule.PROCESS_ACTIVITY_DEFINITION, Rule.VALID_PROCESS);
		assertThat(rejected.reasons()).extracting(Finding::message).containsExactly("no valid process");
	}
}
