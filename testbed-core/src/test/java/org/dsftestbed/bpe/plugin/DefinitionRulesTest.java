package org.dsftestbed.bpe.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.BlankName;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.NoFhirResources;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.NoNameNoReleaseDate;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.NoProcessModels;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.NoSpringConfigurations;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.NullName;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.NullProcessModel;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.NullReleaseDate;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.NullResourceReleaseDate;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.OneNumberResourceVersion;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.OwnResourceVersionAndDate;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.ThreeNumberVersion;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.ThrowingGetName;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.UnannotatedSpringConfiguration;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.dsf.bpe.v1.ProcessPluginDefinition;

/** The definition's values (spec §5.2): any broken rule rejects the whole plugin. */
class DefinitionRulesTest extends PluginTests
{
	private RejectedPlugin rejectedWith(Class<? extends ProcessPluginDefinition> definition)
	{
		return rejected(load(TestPlugin.ping().definition(definition)));
	}

	@ParameterizedTest
	@ValueSource(classes = { NullName.class, BlankName.class })
	void nameMustNotBeBlank(Class<? extends ProcessPluginDefinition> definition)
	{
		assertThat(rules(rejectedWith(definition))).containsExactly(Rule.NAME);
	}

	@Test
	void versionNeedsFourNumbers()
	{
		RejectedPlugin plugin = rejectedWith(ThreeNumberVersion.class);

		assertThat(rules(plugin)).containsExactly(Rule.VERSION);
		assertThat(messages(plugin))
				.containsExactly(JAR + ": getVersion() '1.0.0' does not match \\d+\\.\\d+\\.\\d+\\.\\d+");
	}

	@Test
	void resourceVersionNeedsTwoNumbers()
	{
		assertThat(rules(rejectedWith(OneNumberResourceVersion.class))).containsExactly(Rule.RESOURCE_VERSION);
	}

	@Test
	void resourceVersionAndDateMayBeSetApart()
	{
		LoadedPlugin plugin = loaded(load(TestPlugin.ping().definition(OwnResourceVersionAndDate.class)));

		assertThat(plugin.version()).isEqualTo("1.0.3.2");
		ActivityDefinition activityDefinition = (ActivityDefinition) process(plugin, "dsfdev_ping").fhirResources()
				.get(0).resource();
		assertThat(activityDefinition.getDateElement().getValueAsString()).isEqualTo("2024-02-29");
	}

	@Test
	void releaseDateIsRequired()
	{
		assertThat(rules(rejectedWith(NullReleaseDate.class))).containsExactly(Rule.RELEASE_DATE);
	}

	@Test
	void resourceReleaseDateIsRequired()
	{
		assertThat(rules(rejectedWith(NullResourceReleaseDate.class))).containsExactly(Rule.RESOURCE_RELEASE_DATE);
	}

	@Test
	void springConfigurationsAreRequired()
	{
		assertThat(rules(rejectedWith(NoSpringConfigurations.class))).containsExactly(Rule.SPRING_CONFIGURATIONS);
	}

	@Test
	void springConfigurationsMustBeAnnotatedConfiguration()
	{
		RejectedPlugin plugin = rejectedWith(UnannotatedSpringConfiguration.class);

		assertThat(rules(plugin)).containsExactly(Rule.SPRING_CONFIGURATIONS);
		assertThat(plugin.findings().get(0).message())
				.endsWith("without @Configuration: org.dsftestbed.bpe.plugin.testplugin.SelectTargets");
	}

	@Test
	void fhirResourcesAreRequired()
	{
		assertThat(rules(rejectedWith(NoFhirResources.class))).containsExactly(Rule.FHIR_RESOURCES_BY_PROCESS_ID);
	}

	@Test
	void processModelsAreRequired()
	{
		assertThat(rules(rejectedWith(NoProcessModels.class))).containsExactly(Rule.PROCESS_MODELS);
	}

	@Test
	void aNullInAListRejectsThePluginWhereDsfWouldNotStart()
	{
		RejectedPlugin plugin = rejectedWith(NullProcessModel.class);

		assertThat(rules(plugin)).containsExactly(Rule.NO_NULL_ENTRIES);
		assertThat(plugin.findings().get(0).abortsDsfStartup()).isTrue();
	}

	@Test
	void aDefinitionMethodThatThrowsRejectsThePlugin()
	{
		RejectedPlugin plugin = rejectedWith(ThrowingGetName.class);

		assertThat(rules(plugin)).containsExactly(Rule.DEFINITION_CALLABLE);
		assertThat(messages(plugin)).containsExactly(JAR + ": getName() throws java.lang.IllegalStateException:"
				+ " no name today (the DSF 1.9.0 BPE would not start at all)");
	}

	@Test
	void allProblemsOfADefinitionAreReportedAtOnce()
	{
		// the resource release date defaults to the release date: two mistakes, three findings
		assertThat(rules(rejectedWith(NoNameNoReleaseDate.class))).containsExactly(Rule.NAME, Rule.RELEASE_DATE,
				Rule.RESOURCE_RELEASE_DATE);
	}
}
