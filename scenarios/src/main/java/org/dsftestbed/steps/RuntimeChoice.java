package org.dsftestbed.steps;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.conformance.report.ReportDirectory;
import org.dsftestbed.fhir.server.RequestListener;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.runtime.RunningNetwork;
import org.dsftestbed.runtime.container.ContainerNetworkOptions;
import org.dsftestbed.runtime.container.ContainerRuntime;
import org.dsftestbed.runtime.container.ImageSet;
import org.dsftestbed.runtime.container.dsf.DsfImages;
import org.dsftestbed.runtime.embedded.EmbeddedNetworkOptions;
import org.dsftestbed.runtime.embedded.EmbeddedRuntime;

/**
 * The runtime a run's scenarios boot their networks on ({@code dsf-testbed run --runtime embedded|container --images
 * simulated|dsf}, or the system properties {@code dsf.testbed.runtime} and {@code dsf.testbed.images}). Scenarios do
 * not know which one they run on.
 */
public enum RuntimeChoice
{
	/** Every organization inside this JVM (the default). */
	EMBEDDED("embedded")
	{
		@Override
		RunningNetwork boot(NetworkDefinition definition, List<PluginSource> plugins, Map<String, PluginSource> named,
				RequestListener listener, Consumer<String> progress, Path runDirectory)
		{
			EmbeddedNetworkOptions options = EmbeddedNetworkOptions.of(definition).withPlugins(plugins)
					.withListener(listener).withProgress(progress);
			for (var entry : named.entrySet())
				options = options.withNamedPlugin(entry.getKey(), entry.getValue());
			return EmbeddedRuntime.boot(options);
		}
	},

	/**
	 * Containers of the simulated image set: the project's own organization image. The run recorder sees no requests
	 * (they happen inside the containers); each container's log goes to the run's {@code containers/} folder.
	 */
	CONTAINER_SIMULATED("container --images simulated")
	{
		@Override
		RunningNetwork boot(NetworkDefinition definition, List<PluginSource> plugins, Map<String, PluginSource> named,
				RequestListener listener, Consumer<String> progress, Path runDirectory)
		{
			return ContainerRuntime.boot(containerOptions(definition, plugins, named, listener, progress, runDirectory));
		}
	},

	/**
	 * Containers of the dsf image set: the real DSF images (images and version from the system properties of
	 * {@link DsfImages}). Simulated time, BPE pauses and the other network faults cannot be driven there: steps using
	 * them fail saying so.
	 */
	CONTAINER_DSF("container --images dsf")
	{
		@Override
		RunningNetwork boot(NetworkDefinition definition, List<PluginSource> plugins, Map<String, PluginSource> named,
				RequestListener listener, Consumer<String> progress, Path runDirectory)
		{
			return ContainerRuntime.boot(containerOptions(definition, plugins, named, listener, progress, runDirectory)
					.withImageSet(ImageSet.DSF).withStartupTimeout(ContainerNetworkOptions.DSF_STARTUP_TIMEOUT));
		}
	};

	private static ContainerNetworkOptions containerOptions(NetworkDefinition definition, List<PluginSource> plugins,
			Map<String, PluginSource> named, RequestListener listener, Consumer<String> progress, Path runDirectory)
	{
		ContainerNetworkOptions options = ContainerNetworkOptions.of(definition).withPlugins(plugins)
				.withListener(listener).withProgress(progress)
				.withLogDirectory(runDirectory == null ? null : runDirectory.resolve(ReportDirectory.CONTAINER_LOGS));
		for (var entry : named.entrySet())
			options = options.withNamedPlugin(entry.getKey(), entry.getValue());
		return options;
	}

	private final String description;

	RuntimeChoice(String description)
	{
		this.description = description;
	}

	/** How the run option names it, for reports. */
	public String description()
	{
		return description;
	}

	abstract RunningNetwork boot(NetworkDefinition definition, List<PluginSource> plugins,
			Map<String, PluginSource> named, RequestListener listener, Consumer<String> progress, Path runDirectory);

	/**
	 * @param runtime
	 *            {@code embedded} or {@code container}
	 * @param images
	 *            for the container runtime: {@code simulated}, or {@code dsf} (the real DSF images); {@code null} for
	 *            simulated. Must be {@code null} or {@code simulated} for the embedded runtime.
	 * @throws IllegalArgumentException
	 *             one line naming the wrong value and the valid ones
	 */
	public static RuntimeChoice of(String runtime, String images)
	{
		String r = runtime == null ? "embedded" : runtime.strip().toLowerCase(Locale.ROOT);
		String i = images == null ? null : images.strip().toLowerCase(Locale.ROOT);
		switch (r)
		{
			case "embedded":
				if (i != null && !i.equals("simulated"))
					throw new IllegalArgumentException("--images " + images
							+ " needs --runtime container; the embedded runtime has no images");
				return EMBEDDED;
			case "container":
				if (i == null || i.equals("simulated"))
					return CONTAINER_SIMULATED;
				if (i.equals("dsf"))
					return CONTAINER_DSF;
				throw new IllegalArgumentException("unknown image set '" + images + "'; known: simulated, dsf");
			default:
				throw new IllegalArgumentException("unknown runtime '" + runtime + "'; known: embedded, container");
		}
	}
}
