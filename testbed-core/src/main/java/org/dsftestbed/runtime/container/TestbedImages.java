package org.dsftestbed.runtime.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Names of the container images the testbed builds and runs.
 * <p>
 * They are defined once, in {@code images.properties} next to this class, which {@code ci/base-image.sh} reads
 * too. The Dockerfiles in {@code docker-images/src/main/docker/*} take the base as {@code ARG BASE_IMAGE} with
 * the same default.
 *
 * <pre>{@code
 * new ImageFromDockerfile().withBuildArg("BASE_IMAGE", TestbedImages.baseImage())
 * }</pre>
 */
public final class TestbedImages
{
	/** Environment variable that replaces the base image, e.g. {@code eclipse-temurin:17-jre} where a registry is reachable. */
	public static final String BASE_IMAGE_ENV = "DSF_TESTBED_BASE_IMAGE";

	/** System property that replaces the base image; wins over {@link #BASE_IMAGE_ENV}. */
	public static final String BASE_IMAGE_PROPERTY = "dsf.testbed.baseImage";

	/** The build argument through which every testbed Dockerfile receives its base image. */
	public static final String BASE_IMAGE_BUILD_ARG = "BASE_IMAGE";

	/** Command that builds the default base image when it is missing. */
	public static final String BASE_IMAGE_BUILD_COMMAND = "bash ci/base-image.sh";

	private static final String DEFAULT_BASE_IMAGE = load().getProperty("base.image");

	private TestbedImages()
	{
	}

	/**
	 * @return the locally built JRE base image, {@code dsf-testbed/jre-base:bookworm} unless replaced through
	 *         {@link #BASE_IMAGE_PROPERTY} or {@link #BASE_IMAGE_ENV}
	 */
	public static String baseImage()
	{
		return baseImage(System.getProperty(BASE_IMAGE_PROPERTY), System.getenv(BASE_IMAGE_ENV));
	}

	/**
	 * @return the base image name as defined in {@code images.properties}, ignoring overrides
	 */
	public static String defaultBaseImage()
	{
		return DEFAULT_BASE_IMAGE;
	}

	static String baseImage(String systemProperty, String environmentVariable)
	{
		if (systemProperty != null && !systemProperty.isBlank())
			return systemProperty.trim();
		if (environmentVariable != null && !environmentVariable.isBlank())
			return environmentVariable.trim();
		return DEFAULT_BASE_IMAGE;
	}

	private static Properties load()
	{
		Properties properties = new Properties();
		try (InputStream in = TestbedImages.class.getResourceAsStream("images.properties"))
		{
			if (in == null)
				throw new IllegalStateException("images.properties missing next to " + TestbedImages.class.getName());
			properties.load(in);
		}
		catch (IOException e)
		{
			throw new UncheckedIOException("Cannot read images.properties", e);
		}

		String base = properties.getProperty("base.image");
		if (base == null || base.isBlank())
			throw new IllegalStateException("images.properties defines no base.image");
		properties.setProperty("base.image", base.trim());
		return properties;
	}
}
