package org.dsftestbed.bpe.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** What the plugin loader tests share: a temporary plugin directory, an organization, result helpers. */
abstract class PluginTests
{
	static final String ORGANIZATION = "dic.dsf.test";
	static final String JAR = "ping-1.0.0.0.jar";

	@TempDir
	Path directory;

	private final List<PluginLoadResult> results = new java.util.ArrayList<>();

	@AfterEach
	void closeClassLoaders()
	{
		results.stream().filter(LoadedPlugin.class::isInstance).map(LoadedPlugin.class::cast)
				.forEach(LoadedPlugin::close);
	}

	PluginLoadResult load(TestPlugin plugin)
	{
		return load(plugin, Map.of());
	}

	PluginLoadResult load(TestPlugin plugin, Map<String, String> environment)
	{
		return load(PluginSource.jar(plugin.jar(directory, JAR)), new BpeEnvironment(ORGANIZATION, environment));
	}

	PluginLoadResult load(PluginSource source, BpeEnvironment environment)
	{
		PluginLoadResult result = new PluginLoader(environment).load(source);
		results.add(result);
		return result;
	}

	/** Remembers results of other loads so that their class loaders get closed. */
	<T extends PluginLoadResult> List<T> track(List<T> more)
	{
		results.addAll(more);
		return more;
	}

	static LoadedPlugin loaded(PluginLoadResult result)
	{
		assertThat(result).as(result.report()).isInstanceOf(LoadedPlugin.class);
		return (LoadedPlugin) result;
	}

	static RejectedPlugin rejected(PluginLoadResult result)
	{
		assertThat(result).as(result.report()).isInstanceOf(RejectedPlugin.class);
		return (RejectedPlugin) result;
	}

	static List<Rule> rules(PluginLoadResult result)
	{
		return result.findings().stream().map(Finding::rule).toList();
	}

	static List<String> messages(PluginLoadResult result)
	{
		return result.findings().stream().map(Finding::toString).toList();
	}

	static PluginProcess process(LoadedPlugin plugin, String processId)
	{
		return plugin.processes().stream().filter(p -> p.id().id().equals(processId)).findFirst()
				.orElseThrow(() -> new AssertionError("no process " + processId + " in " + plugin.report()));
	}

	static List<String> files(LoadedPlugin plugin, String processId)
	{
		return process(plugin, processId).fhirResources().stream().map(FhirResourceFile::file).toList();
	}
}
