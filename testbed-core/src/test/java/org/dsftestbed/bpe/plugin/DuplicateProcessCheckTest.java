package org.dsftestbed.bpe.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.PingOnly;
import org.junit.jupiter.api.Test;

/** No process id|version in two plugins of one BPE (spec §5.1, DSF 1.9.0's ProcessPluginManagerImpl). */
class DuplicateProcessCheckTest extends PluginTests
{
	private static LoadedPlugin plugin(String jar, String... processIdsAndVersions)
	{
		List<PluginProcess> processes = Arrays.stream(processIdsAndVersions).map(ProcessIdAndVersion::parse)
				.map(id -> new PluginProcess(id, "bpe/" + id.id() + ".bpmn", null, List.of())).toList();
		DefinitionValues values = new DefinitionValues(jar, "1.0.0.0", "1.0", LocalDate.of(2025, 1, 1),
				LocalDate.of(2025, 1, 1), List.of(), Map.of(), List.of());
		return new LoadedPlugin(PluginSource.jar(Path.of(jar)), new URLClassLoader(jar, new URL[0], null),
				new PingTestPlugin(), values, processes, List.of());
	}

	@Test
	void twoCopiesOfAPluginAreBothRejected()
	{
		PluginSource first = PluginSource.jar(TestPlugin.ping().jar(directory, "ping-1.0.0.0.jar"));
		PluginSource second = PluginSource.jar(TestPlugin.ping().jar(directory, "ping-copy-1.0.0.0.jar"));

		List<PluginLoadResult> results = track(
				new PluginLoader(new BpeEnvironment(ORGANIZATION, Map.of())).loadAll(List.of(first, second)));

		assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(RejectedPlugin.class));
		assertThat(messages(results.get(0))).containsExactly(
				"ping-1.0.0.0.jar: process dsfdev_ping|1.0 is also deployed by ping-copy-1.0.0.0.jar",
				"ping-1.0.0.0.jar: process dsfdev_pong|1.0 is also deployed by ping-copy-1.0.0.0.jar");
		assertThat(results.get(0).findings()).noneMatch(Finding::abortsDsfStartup);
	}

	@Test
	void aPluginWithAProcessOfItsOwnIsKeptTheOtherIsRejectedAsInDsf()
	{
		PluginSource complete = PluginSource.jar(TestPlugin.ping().jar(directory, "ping-1.0.0.0.jar"));
		PluginSource pingOnly = PluginSource.jar(TestPlugin.ping().definition(PingOnly.class).jar(directory,
				"ping-only-1.0.0.0.jar"));

		List<PluginLoadResult> results = track(
				new PluginLoader(new BpeEnvironment(ORGANIZATION, Map.of())).loadAll(List.of(complete, pingOnly)));

		assertThat(loaded(results.get(0)).processIds()).hasSize(2);
		assertThat(rules(rejected(results.get(1)))).containsExactly(Rule.UNIQUE_PROCESS);
	}

	@Test
	void twoKeptPluginsThatStillShareAProcessAreBothRejectedWhereDsfWouldNotStart()
	{
		LoadedPlugin a = plugin("a.jar", "dsfdev_x|1.0", "dsfdev_y|1.0");
		LoadedPlugin b = plugin("b.jar", "dsfdev_x|1.0", "dsfdev_z|1.0");

		List<PluginLoadResult> results = DuplicateProcessCheck.apply(List.of(a, b));

		assertThat(results).allSatisfy(r -> assertThat(rules(rejected(r))).containsExactly(Rule.UNIQUE_PROCESS));
		assertThat(results.get(1).findings().get(0).abortsDsfStartup()).isTrue();
		assertThat(messages(results.get(1))).containsExactly("b.jar: process dsfdev_x|1.0 is also deployed by a.jar"
				+ " (the DSF 1.9.0 BPE would not start at all)");
	}

	@Test
	void otherVersionsOfAProcessMayBeDeployedSideBySide()
	{
		LoadedPlugin a = plugin("ping-1.0.0.0.jar", "dsfdev_ping|1.0");
		LoadedPlugin b = plugin("ping-1.1.0.0.jar", "dsfdev_ping|1.1");

		assertThat(DuplicateProcessCheck.apply(List.of(a, b))).containsExactly(a, b);
	}

	@Test
	void rejectedPluginsTakeNoPart()
	{
		LoadedPlugin a = plugin("a.jar", "dsfdev_x|1.0");
		RejectedPlugin b = new RejectedPlugin(PluginSource.jar(Path.of("b.jar")), List.of());

		assertThat(DuplicateProcessCheck.apply(List.of(a, b))).containsExactly(a, b);
	}
}
