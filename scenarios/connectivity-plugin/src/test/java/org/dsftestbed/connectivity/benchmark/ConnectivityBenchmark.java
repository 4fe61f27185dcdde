package org.dsftestbed.connectivity.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.client.OrgClient;
import org.dsftestbed.network.NetworkPresets;
import org.dsftestbed.pki.KeyType;
import org.dsftestbed.runtime.embedded.EmbeddedNetwork;
import org.dsftestbed.runtime.embedded.EmbeddedNetworkOptions;
import org.dsftestbed.runtime.embedded.EmbeddedRuntime;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * Boot of a network with the connectivity plugin (in this JVM: the first boot includes loading every class, the second
 * is what a later scenario pays) and all-pairs ping rounds: every organization starts a connectivity ping at once, a
 * round ends when every start Task is completed with a pong from every other organization.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl scenarios/connectivity-plugin exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.dsftestbed.connectivity.benchmark.ConnectivityBenchmark [-Dnetwork=tutorial -Drounds=20 -DkeyType=ec-p256]
 * </pre>
 *
 * Targets (2 cores): boot ≤ 3 s, ping round ≤ 300 ms median.
 */
public final class ConnectivityBenchmark
{
	private static final String PROCESS = "http://testbed.dev/bpe/Process/connectivityPing|1.0";
	private static final Duration BOOT_TARGET = Duration.ofSeconds(3);
	private static final Duration ROUND_TARGET = Duration.ofMillis(300);

	public static void main(String[] args) throws Exception
	{
		String networkName = System.getProperty("network", "tutorial");
		int rounds = Integer.getInteger("rounds", 20);
		Path classes = Path.of(ConnectivityBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.resolveSibling("classes");
		PluginSource plugin = PluginSource.directory(classes, "dsf-testbed-connectivity-1.0.0.0.jar");
		EmbeddedNetworkOptions options = EmbeddedNetworkOptions.of(NetworkPresets.load(networkName))
				.withPlugins(List.of(plugin));
		String keyType = System.getProperty("keyType");
		if (keyType != null)
			options = options.withKeyType(KeyType.fromLabel(keyType));

		Duration firstBoot = boot(options).close();
		BootedNetwork booted = boot(options);
		try (EmbeddedNetwork network = booted.network())
		{
			List<OrgClient> clients = network.organizations().stream().map(OrgClient::of).toList();
			ExecutorService executor = Executors.newFixedThreadPool(clients.size());
			List<Long> roundMillis = new ArrayList<>();
			List<Long> roundCpuMillis = new ArrayList<>();
			try
			{
				ping(clients, executor); // warm-up round, not counted
				for (int i = 0; i < rounds; i++)
				{
					long cpuBefore = processCpuNanos();
					roundMillis.add(ping(clients, executor));
					roundCpuMillis.add((processCpuNanos() - cpuBefore) / 1_000_000);
				}
			}
			finally
			{
				clients.forEach(OrgClient::close);
				executor.shutdownNow();
			}
			Collections.sort(roundMillis);
			Collections.sort(roundCpuMillis);
			long median = roundMillis.get(roundMillis.size() / 2);
			long p90 = roundMillis.get((int) Math.ceil(roundMillis.size() * 0.9) - 1);

			System.out.printf("network %s, %d organizations, %d cores%n", networkName,
					network.organizations().size(), Runtime.getRuntime().availableProcessors());
			System.out.printf("boot: first in JVM %d ms, second %d ms (target ≤ %d ms: %s)%n", firstBoot.toMillis(),
					booted.duration().toMillis(), BOOT_TARGET.toMillis(),
					booted.duration().compareTo(BOOT_TARGET) <= 0 ? "met" : "NOT met");
			System.out.printf("all-pairs ping round (%d rounds): median %d ms, p90 %d ms, max %d ms (target ≤ %d ms median: %s)%n",
					rounds, median, p90, roundMillis.get(roundMillis.size() - 1), ROUND_TARGET.toMillis(),
					median <= ROUND_TARGET.toMillis() ? "met" : "NOT met");
			System.out.printf("CPU of this JVM per round (all threads, JIT compiler and GC included): median %d ms%n",
					roundCpuMillis.get(roundCpuMillis.size() / 2));
		}
	}

	/**
	 * CPU time of the whole JVM so far: unlike a round's wall time it hardly depends on what else runs on the machine.
	 */
	private static long processCpuNanos()
	{
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
	}

	private record BootedNetwork(EmbeddedNetwork network, Duration duration)
	{
		Duration close()
		{
			network.close();
			return duration;
		}
	}

	private static BootedNetwork boot(EmbeddedNetworkOptions options)
	{
		long start = System.nanoTime();
		EmbeddedNetwork network = EmbeddedRuntime.boot(options);
		return new BootedNetwork(network, Duration.ofNanos(System.nanoTime() - start));
	}

	/** One round: every organization pings all others at once; returns the round's duration in milliseconds. */
	private static long ping(List<OrgClient> clients, ExecutorService executor) throws Exception
	{
		long start = System.nanoTime();
		List<Future<Task>> rounds = new ArrayList<>();
		for (OrgClient client : clients)
			rounds.add(executor.submit(() -> client.awaitStatus(
					client.startProcess(PROCESS, List.of()).getIdElement().getIdPart(), TaskStatus.COMPLETED,
					Duration.ofSeconds(60))));
		for (Future<Task> round : rounds)
		{
			Task completed = round.get();
			long pongs = completed.getOutput().stream().filter(
					o -> o.getValue() instanceof org.hl7.fhir.r4.model.Coding c && "pong-received".equals(c.getCode()))
					.count();
			if (pongs != clients.size() - 1)
				throw new IllegalStateException("Task/" + completed.getIdElement().getIdPart() + " has " + pongs
						+ " pongs, expected " + (clients.size() - 1) + ": " + OrgClient.errors(completed));
		}
		return (System.nanoTime() - start) / 1_000_000;
	}
}
