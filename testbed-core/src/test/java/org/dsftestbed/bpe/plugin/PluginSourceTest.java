package org.dsftestbed.bpe.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PluginSourceTest
{
	@ParameterizedTest
	@ValueSource(strings = { "ping-1.0.0.0-SNAPSHOT.jar", "ping-1.0.0.0-M1.jar", "ping-1.0.0.0-M12.jar",
			"ping-1.0.0.0-RC1.jar", "ping-1.0.0.0-RC10.jar" })
	void snapshotsMilestonesAndReleaseCandidatesAreDrafts(String fileName)
	{
		assertThat(PluginSource.isDraftFileName(fileName)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ping-1.0.0.0.jar", "ping-1.0.0.0-M.jar", "ping-1.0.0.0-RC.jar", "ping-snapshot.jar",
			"ping-1.0.0.0-SNAPSHOT.zip", "ping-RC1-1.0.0.0.jar" })
	void releasesAreNoDrafts(String fileName)
	{
		assertThat(PluginSource.isDraftFileName(fileName)).isFalse();
	}

	@Test
	void aJarIsNamedByItsFileName()
	{
		PluginSource source = PluginSource.jar(Path.of("process", "ping-1.0.0.0-RC1.jar"));

		assertThat(source.name()).isEqualTo("ping-1.0.0.0-RC1.jar");
		assertThat(source.draft()).isTrue();
		assertThat(source.directory()).isFalse();
	}

	@Test
	void thePluginDirectoryListsReadableJarsOnlyNotLookingIntoSubDirectories(@TempDir Path directory)
			throws Exception
	{
		Files.createFile(directory.resolve("b-1.0.0.0.jar"));
		Files.createFile(directory.resolve("a-1.0.0.0.jar"));
		Files.createFile(directory.resolve("readme.txt"));
		Files.createDirectories(directory.resolve("old")).resolve("c-1.0.0.0.jar").toFile().createNewFile();

		assertThat(PluginDirectory.jarsIn(directory)).extracting(PluginSource::name).containsExactly("a-1.0.0.0.jar",
				"b-1.0.0.0.jar");
	}
}
