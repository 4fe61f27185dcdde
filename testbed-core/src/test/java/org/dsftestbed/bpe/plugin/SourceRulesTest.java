package org.dsftestbed.bpe.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.ThrowingConstructor;
import org.dsftestbed.bpe.plugin.testplugin.SelectTargets;
import org.junit.jupiter.api.Test;

/** Broken jars and service files (spec §5.1): each a rejection with a finding, never an exception. */
class SourceRulesTest extends PluginTests
{
	private PluginLoadResult loadJar(Path jar)
	{
		return load(PluginSource.jar(jar), new BpeEnvironment(ORGANIZATION, Map.of()));
	}

	@Test
	void aFileThatIsNoZipIsRejected() throws Exception
	{
		Path jar = Files.write(directory.resolve(JAR), new byte[] { 'n', 'o', 't', ' ', 'a', ' ', 'z', 'i', 'p' });

		RejectedPlugin plugin = rejected(loadJar(jar));

		assertThat(rules(plugin)).containsExactly(Rule.SOURCE_READABLE);
		assertThat(messages(plugin).get(0)).startsWith(JAR + ": not a jar (zip) file");
	}

	@Test
	void aMissingJarIsRejected()
	{
		assertThat(rules(rejected(loadJar(directory.resolve(JAR))))).containsExactly(Rule.SOURCE_READABLE);
	}

	@Test
	void aDirectoryGivenAsJarIsRejected() throws Exception
	{
		assertThat(rules(rejected(loadJar(Files.createDirectory(directory.resolve(JAR))))))
				.containsExactly(Rule.SOURCE_READABLE);
	}

	@Test
	void aJarWithoutServiceFileIsRejected()
	{
		RejectedPlugin plugin = rejected(load(TestPlugin.ping().remove(TestPlugin.SERVICE_FILE)));

		assertThat(rules(plugin)).containsExactly(Rule.SINGLE_DEFINITION);
		assertThat(messages(plugin)).containsExactly(JAR + ": found 0 providers of"
				+ " dev.dsf.bpe.v1.ProcessPluginDefinition in META-INF/services, expected exactly 1");
	}

	@Test
	void aJarWithTwoDefinitionsIsRejected()
	{
		TestPlugin twoDefinitions = TestPlugin.ping()
				.serviceFile(PingTestPlugin.class.getName() + "\n" + ThrowingConstructor.class.getName());

		assertThat(rules(rejected(load(twoDefinitions)))).containsExactly(Rule.SINGLE_DEFINITION);
	}

	@Test
	void aDefinitionClassThatIsMissingIsRejected()
	{
		RejectedPlugin plugin = rejected(load(TestPlugin.ping().serviceFile("org.example.Missing")));

		assertThat(rules(plugin)).containsExactly(Rule.DEFINITION_INSTANTIABLE);
		assertThat(plugin.findings().get(0).abortsDsfStartup()).isTrue();
		assertThat(plugin.findings().get(0).message()).contains("org.example.Missing not found");
	}

	@Test
	void aDefinitionClassThatIsNoProcessPluginDefinitionIsRejected()
	{
		RejectedPlugin plugin = rejected(load(TestPlugin.ping().serviceFile(SelectTargets.class.getName())));

		assertThat(rules(plugin)).containsExactly(Rule.DEFINITION_INSTANTIABLE);
		assertThat(plugin.findings().get(0).message()).contains("not a subtype");
	}

	@Test
	void aDefinitionWhoseConstructorThrowsIsRejected()
	{
		RejectedPlugin plugin = rejected(load(TestPlugin.ping().definition(ThrowingConstructor.class)));

		assertThat(rules(plugin)).containsExactly(Rule.DEFINITION_INSTANTIABLE);
		assertThat(plugin.findings().get(0).message()).contains("cannot construct");
	}
}
