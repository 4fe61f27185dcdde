package org.dsftestbed.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dsftestbed.runtime.container.TestbedImages;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;

/**
 * What the image tests share: building one of the module's Dockerfiles on the local base image, and, since Ryuk is
 * off, removing the image and checking that the test left no container, network or image behind.
 */
public final class LocalImages
{
	private static final String SESSION_LABEL = DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL + "="
			+ DockerClientFactory.SESSION_ID;

	private LocalImages()
	{
	}

	/** {@code dsf-testbed/<image>:it-<random>}: a name no other run uses. */
	public static String testImageName(String image)
	{
		return "dsf-testbed/" + image + ":it-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * The image of {@code src/main/docker/<image>/Dockerfile}, built on first use, from a context of the given files
	 * and directories (context path to local path).
	 * <p>
	 * The context is given file by file, and the Dockerfile by path inside it (not {@code withDockerfile(Path)}): that
	 * way Testcontainers does not parse FROM and try to pre-pull the base, which is local. Pull is off, too.
	 */
	public static ImageFromDockerfile fromDockerfile(String image, String imageName, Map<String, Path> context)
	{
		Path dockerfile = Path.of(System.getProperty("dsf.testbed.images.dockerDir"), image, "Dockerfile");
		assertThat(dockerfile).isRegularFile();
		ImageFromDockerfile built = new ImageFromDockerfile(imageName, false).withFileFromPath("Dockerfile", dockerfile)
				.withDockerfilePath("Dockerfile").withBuildArg(TestbedImages.BASE_IMAGE_BUILD_ARG, TestbedImages.baseImage())
				.withBuildImageCmdModifier(cmd -> cmd.withPull(false));
		context.forEach((name, path) ->
		{
			assertThat(path).as("build context entry %s (made in the package phase)", name).exists();
			built.withFileFromPath(name, path);
		});
		return built;
	}

	/** Removes the image, then checks that nothing this JVM's Testcontainers session created is left. */
	public static void removeAndCheckNothingIsLeft(String imageName)
	{
		DockerClient docker = DockerClientFactory.instance().client();
		try
		{
			docker.removeImageCmd(imageName).withForce(true).exec();
		}
		catch (NotFoundException e)
		{
			// never built (an earlier failure)
		}

		assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(SESSION_LABEL)).exec())
				.as("containers left by this test").isEmpty();
		assertThat(docker.listNetworksCmd().withFilter("label", List.of(SESSION_LABEL)).exec())
				.as("networks left by this test").isEmpty();
		assertThat(docker.listImagesCmd().withFilter("label", List.of(SESSION_LABEL)).exec())
				.as("images built by this test").isEmpty();
	}
}
