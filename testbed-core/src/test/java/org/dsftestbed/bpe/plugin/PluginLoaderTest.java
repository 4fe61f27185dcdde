package org.dsftestbed.bpe.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PING;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PING_RESOURCES;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PONG;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PONG_RESOURCES;

import java.nio.file.Files;
import java.util.List;

import org.camunda.bpm.model.bpmn.instance.Process;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class PluginLoaderTest extends PluginTests
{
	@Test
	void loadsACompleteValidPluginFromAJar()
	{
		LoadedPlugin plugin = loaded(load(TestPlugin.ping()));

		assertThat(plugin.findings()).isEmpty();
		assertThat(plugin.definition()).isInstanceOf(PingTestPlugin.class);
		assertThat(plugin.name()).isEqualTo("dsf-testbed-ping");
		assertThat(plugin.version()).isEqualTo("1.0.0.0");
		assertThat(plugin.resourceVersion()).isEqualTo("1.0");
		assertThat(plugin.draft()).isFalse();
		assertThat(plugin.classLoader().getName()).isEqualTo(JAR);
		assertThat(plugin.classLoader().getParent()).isSameAs(PluginLoader.class.getClassLoader());
		assertThat(plugin.processIds()).containsExactly(new ProcessIdAndVersion(PING, "1.0"),
				new ProcessIdAndVersion(PONG, "1.0"));
		assertThat(files(plugin, PING)).containsExactlyElementsOf(PING_RESOURCES);
		assertThat(files(plugin, PONG)).containsExactlyElementsOf(PONG_RESOURCES);
	}

	@Test
	void pluginsSeeTheLibrariesTheDsfBpeProvidesThoughTheApiMarksThemOptional() throws Exception
	{
		LoadedPlugin plugin = loaded(load(TestPlugin.ping()));

		// dsf-bpe-process-api-v1's pom lists these as optional, "provided by the DSF bpe"; ping-pong needs spring-web
		assertThat(plugin.classLoader().loadClass("org.springframework.web.util.UriComponentsBuilder")).isNotNull();
		assertThat(plugin.classLoader().getResource("fhir/bundle.xml")).as("dsf-fhir-validation").isNotNull();
	}

	@Test
	void processesCarryTheirParsedModelAndResources()
	{
		LoadedPlugin plugin = loaded(load(TestPlugin.ping()));

		PluginProcess ping = process(plugin, PING);
		assertThat(ping.bpmnFile()).isEqualTo(PingTestPlugin.PING_BPMN);
		Process process = ping.model().getModelElementById(PING);
		assertThat(process.getCamundaVersionTag()).isEqualTo("1.0");
		ActivityDefinition activityDefinition = (ActivityDefinition) ping.fhirResources().get(0).resource();
		assertThat(activityDefinition.getUrl()).isEqualTo("http://dsf.dev/bpe/Process/ping");
		assertThat(activityDefinition.getVersion()).isEqualTo("1.0");
		Task template = (Task) plugin.fhirResources().get(ping.id()).stream().filter(Task.class::isInstance)
				.findFirst().orElseThrow();
		assertThat(template.getRequester().getIdentifier().getValue()).isEqualTo(ORGANIZATION);
	}

	@Test
	void processesShareTheResourcesListedForBoth()
	{
		LoadedPlugin plugin = loaded(load(TestPlugin.ping()));

		assertThat(process(plugin, PING).fhirResources().get(1).resource())
				.isSameAs(process(plugin, PONG).fhirResources().get(1).resource());
	}

	@Test
	void addsWhatDsfAddsToEveryProcessModel()
	{
		LoadedPlugin plugin = loaded(load(TestPlugin.ping()));

		for (PluginProcess p : plugin.processes())
		{
			Process process = p.model().getModelElementById(p.id().id());
			assertThat(DsfModelAttributes.processApiVersion(process)).isEqualTo("1");
			assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P30D");
		}
	}

	@Test
	void keepsAHistoryTimeToLiveTheModelSets()
	{
		TestPlugin plugin = TestPlugin.ping().replace(PingTestPlugin.PING_BPMN, "isExecutable=\"true\"",
				"isExecutable=\"true\" camunda:historyTimeToLive=\"P7D\"");

		Process process = process(loaded(load(plugin)), PING).model().getModelElementById(PING);

		assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P7D");
	}

	@Test
	void loadsAnExplodedPluginDirectoryNamedLikeItsJar()
	{
		PluginSource source = PluginSource.directory(TestPlugin.ping().directory(directory, "classes"),
				"ping-1.0.0.0-SNAPSHOT.jar");

		LoadedPlugin plugin = loaded(load(source, new BpeEnvironment(ORGANIZATION, java.util.Map.of())));

		assertThat(plugin.findings()).isEmpty();
		assertThat(plugin.draft()).isTrue();
		assertThat(plugin.classLoader().getName()).isEqualTo("ping-1.0.0.0-SNAPSHOT.jar");
		assertThat(plugin.processIds()).hasSize(2);
	}

	@Test
	void loadsAnExplodedPluginDirectoryNamedLikeTheDirectory()
	{
		PluginSource source = PluginSource.directory(TestPlugin.ping().directory(directory, "classes"));

		LoadedPlugin plugin = loaded(load(source, new BpeEnvironment(ORGANIZATION, java.util.Map.of())));

		assertThat(plugin.source().name()).isEqualTo("classes");
		assertThat(plugin.draft()).isFalse();
	}

	@Test
	void aDraftJarIsLoadedAsDraft()
	{
		PluginSource source = PluginSource.jar(TestPlugin.ping().jar(directory, "ping-1.0.0.0-RC1.jar"));

		assertThat(loaded(load(source, new BpeEnvironment(ORGANIZATION, java.util.Map.of()))).draft()).isTrue();
	}

	@Test
	void loadAllLoadsEveryJarOfADirectory() throws Exception
	{
		TestPlugin.ping().jar(directory, "ping-1.0.0.0.jar");
		Files.writeString(directory.resolve("notes.txt"), "not a plugin");

		List<PluginLoadResult> results = track(new PluginLoader(new BpeEnvironment(ORGANIZATION, java.util.Map.of()))
				.loadAll(PluginDirectory.jarsIn(directory)));

		assertThat(results).singleElement().isInstanceOf(LoadedPlugin.class);
	}

	@Test
	void reportSaysWhatWasLoaded()
	{
		assertThat(load(TestPlugin.ping()).report())
				.isEqualTo(JAR + ": loaded dsf-testbed-ping 1.0.0.0 with processes [dsfdev_ping|1.0, dsfdev_pong|1.0]");
	}
}
