package org.dsftestbed.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.dsftestbed.runtime.container.TestbedImages;
import org.junit.jupiter.api.Test;

/** Every image's Dockerfile builds FROM the testbed's base, whose name is defined once (images.properties). */
class DockerfilesTest
{
	private static final Path DOCKER_DIR = Path.of(System.getProperty("dsf.testbed.images.dockerDir", "src/main/docker"));

	@Test
	void everyDockerfileDefaultsToTheTestbedBaseImage() throws IOException
	{
		List<Path> dockerfiles = dockerfiles();
		assertThat(dockerfiles).as("Dockerfiles under %s", DOCKER_DIR).isNotEmpty();

		for (Path dockerfile : dockerfiles)
		{
			List<String> instructions = Files.readAllLines(dockerfile).stream().map(String::strip)
					.filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

			assertThat(instructions).as("%s: instructions", dockerfile).hasSizeGreaterThanOrEqualTo(2);
			assertThat(instructions.get(0)).as("%s: first instruction", dockerfile)
					.isEqualTo("ARG BASE_IMAGE=" + TestbedImages.defaultBaseImage());
			assertThat(instructions.get(1)).as("%s: second instruction", dockerfile).isEqualTo("FROM ${BASE_IMAGE}");
		}
	}

	private static List<Path> dockerfiles() throws IOException
	{
		try (Stream<Path> files = Files.walk(DOCKER_DIR, 2))
		{
			return files.filter(p -> p.getFileName().toString().equals("Dockerfile")).sorted().toList();
		}
	}
}
