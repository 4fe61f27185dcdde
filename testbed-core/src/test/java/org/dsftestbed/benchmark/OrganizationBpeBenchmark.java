package org.dsftestbed.benchmark;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dsftestbed.bpe.OrganizationBpe;
import org.dsftestbed.bpe.LoopbackOrganizations;
import org.dsftestbed.bpe.OrganizationBpeConfig;
import org.dsftestbed.bpe.engine.NetworkEngines;
import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.bpe.state.BpeDatabase;
import org.dsftestbed.fhir.server.FhirServer;
import org.dsftestbed.fhir.server.LoopbackPorts;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkPresets;
import org.dsftestbed.pki.KeyType;
import org.dsftestbed.time.NetworkClock;

/**
 * Start-up of one organization's BPE with one plugin (the two-organization ping test plugin: two processes, six FHIR
 * resources), from {@link OrganizationBpe#start} to "plugins deployed and subscribed": {@code starts} times, each on a
 * fresh FHIR server and database (a first start: every process NEW → ACTIVE, six POSTs), then {@code restarts} times
 * stopped and started again on the last one's database (ACTIVE → ACTIVE, verification only). The FHIR server's own
 * start is not counted. Target (2 cores): every organization after the first in a JVM ≤ 1.5 s. Run: see the README
 * ("Benchmarks"); options {@code -Dstarts=10 -Drestarts=5}.
 */
public final class OrganizationBpeBenchmark
{
	private static final String ORG = "dic.dsf.test";
	private static final Duration TARGET = Duration.ofMillis(1500);

	public static void main(String[] args) throws Exception
	{
		int starts = Integer.getInteger("starts", 10);
		int restarts = Integer.getInteger("restarts", 5);

		NetworkDefinition network = NetworkPresets.load("tutorial");
		NetworkCertificates certificates = NetworkCertificates.generate(network, KeyType.RSA_2048, Clock.systemUTC());
		PluginSource plugin = PluginSource.directory(
				Path.of(OrganizationBpeBenchmark.class.getResource("/test-plugin/twoorg").toURI()),
				"dsf-testbed-two-org-ping-1.0.0.0.jar");

		List<OrganizationBpe.StartReport> first = new ArrayList<>();
		List<OrganizationBpe.StartReport> again = new ArrayList<>();
		try (NetworkEngines engines = NetworkEngines.create("bpe-benchmark", new NetworkClock()))
		{
			for (int i = 0; i < starts; i++)
			{
				boolean last = i == starts - 1;
				int port = LoopbackPorts.free();
				try (FhirServer server = LoopbackOrganizations.server(certificates, ORG, port,
						LoopbackOrganizations.allowList(network, certificates, Map.of(ORG, port)));
						BpeDatabase database = BpeDatabase.inMemory(ORG))
				{
					OrganizationBpeConfig config = OrganizationBpeConfig.of(ORG, server.baseUrl(),
							certificates.organization(ORG).client(),
							certificates.pki().caCertificates(), engines).withPlugins(List.of(plugin))
							.withDatabase(database);
					first.add(startAndStop(config));
					for (int r = 0; last && r < restarts; r++)
						again.add(startAndStop(config));
				}
			}
		}

		print("BPE start, fresh database", first);
		if (!again.isEmpty())
			print("BPE restart, same database", again);

		List<Long> further = new ArrayList<>(millis(first.subList(1, first.size())));
		further.addAll(millis(again));
		long max = further.stream().mapToLong(Long::longValue).max().orElse(0);
		System.out.printf("target: every start after the first <= %d ms: %s (max %d ms over %d starts)%n",
				TARGET.toMillis(), max <= TARGET.toMillis() ? "MET" : "NOT MET", max, further.size());
	}

	private static OrganizationBpe.StartReport startAndStop(OrganizationBpeConfig config) throws Exception
	{
		try (OrganizationBpe bpe = OrganizationBpe.start(config))
		{
			if (!bpe.report().rejected().isEmpty())
				throw new IllegalStateException("plugin rejected: " + bpe.report());
			return bpe.report();
		}
	}

	private static List<Long> millis(List<OrganizationBpe.StartReport> reports)
	{
		return reports.stream().map(r -> r.startDuration().toMillis()).toList();
	}

	private static void print(String what, List<OrganizationBpe.StartReport> reports)
	{
		List<OrganizationBpe.StartReport> further = reports.subList(reports.size() > 1 ? 1 : 0, reports.size());
		System.out.printf("%s: first %d ms; after it: %s (%d starts: %s ms)%n", what,
				reports.get(0).startDuration().toMillis(), stats(millis(further)), further.size(), millis(further));

		// per step, to see where the time goes
		Map<String, List<Long>> steps = new LinkedHashMap<>();
		for (OrganizationBpe.StartReport r : further)
			r.steps().forEach(s -> steps.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s.duration().toMillis()));
		System.out.printf("  first: %s%n", reports.get(0).steps());
		steps.forEach((step, values) -> System.out.printf("  %-28s %s%n", step, stats(values)));
	}

	private static String stats(List<Long> values)
	{
		List<Long> sorted = values.stream().sorted().toList();
		if (sorted.isEmpty())
			return "-";
		return String.format("median %d ms, p90 %d ms, max %d ms", sorted.get(sorted.size() / 2),
				sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.9) - 1)),
				sorted.get(sorted.size() - 1));
	}
}
