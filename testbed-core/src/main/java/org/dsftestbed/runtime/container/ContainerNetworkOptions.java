package org.dsftestbed.runtime.container;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.fhir.server.RequestListener;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.pki.KeyType;
import org.dsftestbed.runtime.container.dsf.DsfImages;

/**
 * What {@link ContainerRuntime#boot} needs besides the network definition; every setting has a default that works.
 *
 * <pre>{@code
 * ContainerNetworkOptions options = ContainerNetworkOptions.of(NetworkPresets.load("tutorial"))
 * 		.withPlugins(List.of(PluginSource.jar(Path.of("ping-pong-1.0.1.0.jar"))))
 * 		.withLogDirectory(runDirectory.resolve("containers")).withStartupTimeout(Duration.ofMinutes(2));
 * }</pre>
 *
 * @param plugins
 *            jars deployed to every organization, after the plugins its definition lists
 * @param namedPlugins
 *            plugins an organization definition may list by name (e.g. {@code connectivity})
 * @param certificates
 *            the network's certificates, or {@code null} to generate them with {@code keyType}
 * @param progress
 *            receives one line per boot step
 * @param startupTimeout
 *            how long each organization may take from container start to its {@code READY} line
 * @param logDirectory
 *            where each container's output goes, as {@code <identifier>.log}; {@code null} for nowhere
 * @param image
 *            the organization image to run, or {@code null} for the simulated image set's, built when missing
 *            ({@link OrganizationImage}); only for the simulated image set
 * @param imageSet
 *            which images an organization is booted from
 * @param dsfImages
 *            the images of the {@link ImageSet#DSF dsf} image set
 * @param listener
 *            told about every request every organization's FHIR server answers (the run recorder), read from the
 *            containers' output shortly after it happened, with each container's network time
 */
public record ContainerNetworkOptions(NetworkDefinition network, List<PluginSource> plugins,
		Map<String, PluginSource> namedPlugins, NetworkCertificates certificates, KeyType keyType,
		Consumer<String> progress, Duration startupTimeout, Path logDirectory, String image, ImageSet imageSet,
		DsfImages dsfImages, RequestListener listener)
{
	public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(3);

	/**
	 * What the {@link ImageSet#DSF dsf} image set's runs give each container: DSF's FHIR server validates and loads
	 * its initial data before its health check answers, which took 3-4 minutes for two of them starting side by side
	 * on a busy two-core machine (about 20 s on an idle one).
	 */
	public static final Duration DSF_STARTUP_TIMEOUT = Duration.ofMinutes(8);

	public ContainerNetworkOptions
	{
		Objects.requireNonNull(network, "network");
		plugins = List.copyOf(plugins);
		namedPlugins = Map.copyOf(namedPlugins);
		Objects.requireNonNull(keyType, "keyType");
		Objects.requireNonNull(progress, "progress");
		Objects.requireNonNull(startupTimeout, "startupTimeout");
		Objects.requireNonNull(imageSet, "imageSet");
		Objects.requireNonNull(dsfImages, "dsfImages");
		Objects.requireNonNull(listener, "listener");
		if (startupTimeout.isNegative() || startupTimeout.isZero())
			throw new IllegalArgumentException("the start-up timeout must be positive, got " + startupTimeout);
	}

	/**
	 * Defaults: no plugins, generated RSA 2048 certificates, 3 minutes to start, no log files, the simulated image set
	 * with the built image; for the dsf image set, the images {@link DsfImages#fromSystemProperties()} names; no
	 * listener.
	 */
	public static ContainerNetworkOptions of(NetworkDefinition network)
	{
		return new ContainerNetworkOptions(network, List.of(), Map.of(), null, KeyType.RSA_2048, line -> {},
				DEFAULT_STARTUP_TIMEOUT, null, null, ImageSet.SIMULATED, DsfImages.fromSystemProperties(),
				RequestListener.NONE);
	}

	public ContainerNetworkOptions withPlugins(List<PluginSource> plugins)
	{
		return new ContainerNetworkOptions(network, plugins, namedPlugins, certificates, keyType, progress,
				startupTimeout, logDirectory, image, imageSet, dsfImages, listener);
	}

	public ContainerNetworkOptions withNamedPlugin(String name, PluginSource plugin)
	{
		Map<String, PluginSource> named = new LinkedHashMap<>(namedPlugins);
		named.put(name, plugin);
		return new ContainerNetworkOptions(network, plugins, named, certificates, keyType, progress, startupTimeout,
				logDirectory, image, imageSet, dsfImages, listener);
	}

	public ContainerNetworkOptions withCertificates(NetworkCertificates certificates)
	{
		return new ContainerNetworkOptions(network, plugins, namedPlugins, certificates, keyType, progress,
				startupTimeout, logDirectory, image, imageSet, dsfImages, listener);
	}

	public ContainerNetworkOptions withProgress(Consumer<String> progress)
	{
		return new ContainerNetworkOptions(network, plugins, namedPlugins, certificates, keyType, progress,
				startupTimeout, logDirectory, image, imageSet, dsfImages, listener);
	}

	public ContainerNetworkOptions withStartupTimeout(Duration startupTimeout)
	{
		return new ContainerNetworkOptions(network, plugins, namedPlugins, certificates, keyType, progress,
				startupTimeout, logDirectory, image, imageSet, dsfImages, listener);
	}

	public ContainerNetworkOptions withLogDirectory(Path logDirectory)
	{
		return new ContainerNetworkOptions(network, plugins, namedPlugins, certificates, keyType, progress,
				startupTimeout, logDirectory, image, imageSet, dsfImages, listener);
	}

	public ContainerNetworkOptions withImage(String image)
	{
		return new ContainerNetworkOptions(network, plugins, namedPlugins, certificates, keyType, progress,
				startupTimeout, logDirectory, image, imageSet, dsfImages, listener);
	}

	public ContainerNetworkOptions withListener(RequestListener listener)
	{
		return new ContainerNetworkOptions(network, plugins, namedPlugins, certificates, keyType, progress,
				startupTimeout, logDirectory, image, imageSet, dsfImages, listener);
	}

	public ContainerNetworkOptions withImageSet(ImageSet imageSet)
	{
		return new ContainerNetworkOptions(network, plugins, namedPlugins, certificates, keyType, progress,
				startupTimeout, logDirectory, image, imageSet, dsfImages, listener);
	}

	/** The images of the dsf image set; also selects that set. */
	public ContainerNetworkOptions withDsfImages(DsfImages dsfImages)
	{
		return new ContainerNetworkOptions(network, plugins, namedPlugins, certificates, keyType, progress,
				startupTimeout, logDirectory, image, ImageSet.DSF, dsfImages, listener);
	}
}
