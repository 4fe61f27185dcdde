package org.dsftestbed.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganizationImageTest
{
	@TempDir
	Path project;

	private Path context()
	{
		return project.resolve("docker-images/target/organization");
	}

	private void layout() throws Exception
	{
		Path dockerfile = project.resolve("docker-images/src/main/docker/organization/Dockerfile");
		Files.createDirectories(dockerfile.getParent());
		Files.writeString(dockerfile, "FROM base\n");
		Files.createDirectories(context().resolve("app"));
		Files.createDirectories(context().resolve("lib"));
		Files.writeString(context().resolve("app/core.jar"), "core");
		Files.writeString(context().resolve("lib/dependency.jar"), "dependency");
	}

	@Test
	void isFoundFromAFolderInsideTheProjectAndNamedByItsContent() throws Exception
	{
		layout();
		Path inside = Files.createDirectories(project.resolve("scenarios/target"));
		OrganizationImage image = OrganizationImage.locate(null, null, inside);
		String name = image.name();
		assertThat(name).matches("dsf-testbed/organization:[0-9a-f]{16}");
		assertThat(OrganizationImage.locate(null, null, project).name()).as("same content, same name")
				.isEqualTo(name);

		Files.writeString(context().resolve("app/core.jar"), "core, rebuilt");
		assertThat(image.name()).as("a changed jar gives a new name").isNotEqualTo(name);
		String rebuilt = image.name();
		Files.setLastModifiedTime(context().resolve("lib/dependency.jar"), FileTime.fromMillis(0));
		assertThat(image.name()).as("a touched jar too").isNotEqualTo(rebuilt);
	}

	@Test
	void aMissingBuildContextSaysHowToMakeIt() throws Exception
	{
		layout();
		Files.delete(context().resolve("lib/dependency.jar"));
		Files.delete(context().resolve("lib"));
		assertThatThrownBy(() -> OrganizationImage.locate(null, null, project))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining(context().resolve("lib").toString())
				.hasMessageContaining("mvn -pl docker-images -am package")
				.hasMessageContaining(OrganizationImage.IMAGE_PROPERTY);
	}

	@Test
	void aMissingDockerfileNamesThePropertyThatPointsToIt() throws Exception
	{
		assertThatThrownBy(() -> OrganizationImage.locate(project.resolve("nowhere").toString(), null, project))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("nowhere/organization/Dockerfile")
				.hasMessageContaining(OrganizationImage.DOCKER_DIRECTORY_PROPERTY);
	}
}
