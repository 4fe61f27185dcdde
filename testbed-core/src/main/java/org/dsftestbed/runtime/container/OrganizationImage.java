package org.dsftestbed.runtime.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The organization image of the {@code simulated} image set, built from the docker-images build output: the
 * Dockerfile {@code docker-images/src/main/docker/organization/Dockerfile} on the context
 * {@code docker-images/target/organization} ({@code app/} + {@code lib/}, made by {@code mvn package}), on
 * {@link TestbedImages#baseImage()}.
 * <p>
 * The image is tagged with a digest of the Dockerfile, the base image's name and the context's file names, sizes and
 * modification times, so a build whose output did not change finds its image and builds nothing; it is kept for the
 * next run (images are a cache, not something a run creates and must remove).
 *
 * <pre>{@code
 * String image = OrganizationImage.locate().obtain(System.out::println);
 * }</pre>
 */
public final class OrganizationImage
{
	/** System property: a ready image to use instead of building one, e.g. {@code dsf-testbed/organization:1.0}. */
	public static final String IMAGE_PROPERTY = "dsf.testbed.organizationImage";
	/** System property: the build context, {@code docker-images/target/organization}. */
	public static final String CONTEXT_PROPERTY = "dsf.testbed.images.organizationContext";
	/** System property: the folder of the Dockerfiles, {@code docker-images/src/main/docker}. */
	public static final String DOCKER_DIRECTORY_PROPERTY = "dsf.testbed.images.dockerDir";

	static final String REPOSITORY = "dsf-testbed/organization";
	private static final String CONTEXT = "docker-images/target/organization";
	private static final String DOCKER_DIRECTORY = "docker-images/src/main/docker";

	private final Path dockerfile;
	private final Path context;

	private OrganizationImage(Path dockerfile, Path context)
	{
		this.dockerfile = dockerfile;
		this.context = context;
	}

	/**
	 * The Dockerfile and context named by the system properties, else found in the project folder (the working
	 * directory or one of its parents).
	 *
	 * @throws IllegalStateException
	 *             saying what is missing where and how to make it
	 */
	public static OrganizationImage locate()
	{
		return locate(System.getProperty(DOCKER_DIRECTORY_PROPERTY), System.getProperty(CONTEXT_PROPERTY),
				Path.of("").toAbsolutePath());
	}

	static OrganizationImage locate(String dockerDirectory, String context, Path workingDirectory)
	{
		Path projectFolder = projectFolder(workingDirectory);
		Path dockerfile = (dockerDirectory != null ? Path.of(dockerDirectory) : projectFolder.resolve(DOCKER_DIRECTORY))
				.resolve("organization").resolve("Dockerfile");
		Path contextFolder = context != null ? Path.of(context) : projectFolder.resolve(CONTEXT);
		if (!Files.isRegularFile(dockerfile))
			throw new IllegalStateException("the organization image's Dockerfile is missing: " + dockerfile
					+ " (set -D" + DOCKER_DIRECTORY_PROPERTY + "=<dsf-testbed>/" + DOCKER_DIRECTORY + ")");
		for (String part : List.of("app", "lib"))
			if (!Files.isDirectory(contextFolder.resolve(part)))
				throw new IllegalStateException("the organization image's build context is incomplete: "
						+ contextFolder.resolve(part) + " is missing; build it with `mvn -pl docker-images -am "
						+ "package -DskipTests` (or set -D" + CONTEXT_PROPERTY + ", or -D" + IMAGE_PROPERTY
						+ " to use a ready image)");
		return new OrganizationImage(dockerfile, contextFolder);
	}

	/** The nearest folder at or above {@code start} that holds {@code docker-images/}; else {@code start}. */
	private static Path projectFolder(Path start)
	{
		for (Path folder = start; folder != null; folder = folder.getParent())
			if (Files.isDirectory(folder.resolve("docker-images")))
				return folder;
		return start;
	}

	/** {@code dsf-testbed/organization:<digest>}: changes whenever what goes into the image changes. */
	public String name()
	{
		return REPOSITORY + ":" + digest();
	}

	/**
	 * The image's name, built first when the Docker engine does not have it. A ready image named by
	 * {@link #IMAGE_PROPERTY} is used as it is.
	 *
	 * @param progress
	 *            told when a build starts and ends
	 */
	public static String obtain(Consumer<String> progress)
	{
		String ready = System.getProperty(IMAGE_PROPERTY);
		if (ready != null && !ready.isBlank())
		{
			if (!DockerEnvironment.hasImage(ready.strip()))
				throw new IllegalStateException("the image " + ready.strip() + " (-D" + IMAGE_PROPERTY
						+ ") is not in the Docker engine");
			return ready.strip();
		}
		return locate().build(progress);
	}

	/** Builds the image unless the engine has it; returns its name. At most one build at a time per JVM. */
	public String build(Consumer<String> progress)
	{
		synchronized (OrganizationImage.class)
		{
			String name = name();
			if (DockerEnvironment.hasImage(name))
				return name;
			String base = TestbedImages.baseImage();
			if (!DockerEnvironment.hasImage(base))
				throw new IllegalStateException("the base image " + base + " is not in the Docker engine; build it with `"
						+ TestbedImages.BASE_IMAGE_BUILD_COMMAND + "` (or set " + TestbedImages.BASE_IMAGE_ENV + ")");
			progress.accept("Building image " + name + " from " + context + " on " + base);
			long start = System.nanoTime();
			// the Dockerfile by path inside the context: Testcontainers then does not try to pull the (local) base
			new ImageFromDockerfile(name, false).withFileFromPath("Dockerfile", dockerfile)
					.withDockerfilePath("Dockerfile").withFileFromPath("app", context.resolve("app"))
					.withFileFromPath("lib", context.resolve("lib"))
					.withBuildArg(TestbedImages.BASE_IMAGE_BUILD_ARG, base)
					.withBuildImageCmdModifier(cmd -> cmd.withPull(false)).get();
			progress.accept("Built image " + name + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
			return name;
		}
	}

	String digest()
	{
		try
		{
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(Files.readAllBytes(dockerfile));
			sha.update(TestbedImages.baseImage().getBytes(StandardCharsets.UTF_8));
			try (Stream<Path> files = Files.walk(context))
			{
				for (Path file : files.filter(Files::isRegularFile).sorted().toList())
					sha.update((context.relativize(file) + " " + Files.size(file) + " "
							+ Files.getLastModifiedTime(file).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
		}
		catch (IOException e)
		{
			throw new UncheckedIOException("cannot read the organization image's build context " + context, e);
		}
		catch (NoSuchAlgorithmException e)
		{
			throw new IllegalStateException(e);
		}
	}
}
