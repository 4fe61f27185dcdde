package org.dsftestbed.images.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.junit.RequiresDocker;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkPresets;
import org.dsftestbed.runtime.container.ContainerNetwork;
import org.dsftestbed.runtime.container.ContainerNetworkOptions;
import org.dsftestbed.runtime.container.ContainerRuntime;
import org.dsftestbed.runtime.container.OrganizationImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Boot of a network on the container runtime with the simulated image set (target for the tutorial network: ≤ 30 s on
 * 2 cores), from {@code ContainerRuntime.boot} to every organization's READY line, with the connectivity plugin
 * deployed; then the time to remove it. The image is built (or found) before the first boot and not counted. Prints
 * {@code MEASURED} lines; asserts nothing about time. Not an *IT: it runs only when named:
 *
 * <pre>
 * mvn -B -q -pl testbed-core,scenarios/connectivity-plugin,docker-images verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ContainerBootBenchmark [-Dnetwork=tutorial -Dboots=3]
 * </pre>
 */
@RequiresDocker(baseImage = true)
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class ContainerBootBenchmark
{
	@Test
	void bootTheNetworkOnContainers()
	{
		String networkName = System.getProperty("network", "tutorial");
		int boots = Integer.getInteger("boots", 3);
		NetworkDefinition network = NetworkPresets.resolve(networkName, java.util.Map.of());
		Path plugin = Path.of(System.getProperty("dsf.testbed.images.connectivityPlugin"));

		long buildStart = System.nanoTime();
		String image = OrganizationImage.obtain(line -> System.out.println("[image] " + line));
		System.out.println("MEASURED image " + image + " ready in " + millisSince(buildStart) + " ms");

		List<Long> bootMillis = new ArrayList<>();
		for (int i = 1; i <= boots; i++)
		{
			long start = System.nanoTime();
			ContainerNetwork running = ContainerRuntime.boot(ContainerNetworkOptions.of(network).withImage(image)
					.withPlugins(List.of(PluginSource.jar(plugin))).withProgress(line -> System.out.println("  " + line)));
			long booted = millisSince(start);
			bootMillis.add(booted);
			long closeStart = System.nanoTime();
			running.close();
			System.out.println("MEASURED boot " + i + " of " + networkName + " (" + network.organizations().size()
					+ " organizations): " + booted + " ms; removal " + millisSince(closeStart) + " ms");
		}
		List<Long> sorted = bootMillis.stream().sorted().toList();
		System.out.println("MEASURED " + networkName + " boot on containers: median " + sorted.get(sorted.size() / 2)
				+ " ms, min " + sorted.get(0) + " ms, max " + sorted.get(sorted.size() - 1) + " ms over " + boots
				+ " boots; " + Runtime.getRuntime().availableProcessors() + " cores");
	}

	private static long millisSince(long nanos)
	{
		return (System.nanoTime() - nanos) / 1_000_000;
	}
}
