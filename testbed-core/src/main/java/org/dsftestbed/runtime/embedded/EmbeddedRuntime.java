package org.dsftestbed.runtime.embedded;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.dsftestbed.bpe.OrganizationBpe;
import org.dsftestbed.bpe.OrganizationBpeConfig;
import org.dsftestbed.bpe.engine.NetworkEngines;
import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.fhir.server.FhirServer;
import org.dsftestbed.fhir.server.FhirServerConfig;
import org.dsftestbed.fhir.server.LoopbackPorts;
import org.dsftestbed.network.AllowListBundle;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.OrganizationDefinition;
import org.dsftestbed.runtime.NetworkBootException;
import org.dsftestbed.runtime.Parallel;
import org.dsftestbed.runtime.PluginReferences;
import org.dsftestbed.time.NetworkClock;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Boots a network definition inside this JVM: per organization a DSF-compatible FHIR server on its own HTTPS loopback
 * port (four digits, so that its Endpoint address is valid for DSF) with the network's allow list, and a BPE running
 * its plugins; all organizations share one simulated clock and one job executor. FHIR servers start in parallel, then
 * the BPEs, since a BPE needs its server (and, for catch-up, the others') to be up.
 * <p>
 * Endpoint addresses are {@code https://localhost:<port>/fhir}: every organization's server certificate names
 * {@code localhost}, and clients connect to the address they read from the allow list, as DSF's clients do.
 * A {@code fhirBaseUrl} fixed in the definition is not used by this runtime.
 */
public final class EmbeddedRuntime
{
	/** Starting more at once only makes the two cores of a CI machine switch more. */
	private static final int PARALLEL_STARTS = Math.max(2, Runtime.getRuntime().availableProcessors());

	private EmbeddedRuntime()
	{
	}

	/**
	 * @throws NetworkBootException
	 *             naming the organization and the step that failed; everything started before is closed again
	 * @throws IllegalArgumentException
	 *             when an organization lists a plugin that is neither a known name nor a file
	 */
	public static EmbeddedNetwork boot(EmbeddedNetworkOptions options)
	{
		long startNanos = System.nanoTime();
		NetworkDefinition network = options.network();
		List<OrganizationDefinition> organizations = network.organizations();
		options.progress().accept("Booting network " + network.name() + " (" + organizations.size()
				+ " organizations, embedded runtime)");

		Map<String, List<PluginSource>> plugins = new LinkedHashMap<>();
		for (OrganizationDefinition organization : organizations)
		{
			List<PluginSource> own = new ArrayList<>(
					PluginReferences.resolve(network, organization, options.namedPlugins()));
			options.plugins().stream().filter(p -> !own.contains(p)).forEach(own::add);
			plugins.put(organization.identifier(), own);
		}

		NetworkCertificates certificates = options.certificates() != null ? options.certificates()
				: NetworkCertificates.generate(network, options.keyType(), Clock.systemUTC());
		NetworkClock clock = options.clock() != null ? options.clock() : new NetworkClock();

		Map<String, Integer> ports = new LinkedHashMap<>();
		List<Integer> free = freePorts(organizations);
		for (int i = 0; i < organizations.size(); i++)
			ports.put(organizations.get(i).identifier(), free.get(i));
		Bundle allowList = AllowListBundle.builder(network).thumbprints(certificates::allowListThumbprints)
				.endpointAddress(o -> baseUrl(ports.get(o.identifier()))).build();

		EmbeddedNetwork running = new EmbeddedNetwork(network, certificates, clock, options);
		try
		{
			List<Exception> failures = new ArrayList<>();
			List<FhirServer> servers = Parallel.map("fhir-start", organizations, PARALLEL_STARTS, organization ->
			{
				long t = System.nanoTime();
				FhirServer server = startServer(organization, ports.get(organization.identifier()), allowList,
						certificates, clock, options, running::expired);
				options.progress().accept("  " + organization.identifier() + ": FHIR server " + server.baseUrl()
						+ " (" + millisSince(t) + " ms)");
				return server;
			}, failures);
			servers.stream().filter(s -> s != null).forEach(running::adopt);
			Parallel.throwFirst(failures, "FHIR server");

			NetworkEngines engines = running.adoptEngines(NetworkEngines.create(network.name(), clock));
			List<OrganizationBpe> bpes = Parallel.map("bpe-start", organizations, PARALLEL_STARTS, organization ->
			{
				long t = System.nanoTime();
				FhirServer server = servers.get(organizations.indexOf(organization));
				OrganizationBpe bpe = startBpe(organization, server, plugins.get(organization.identifier()),
						certificates, engines, options);
				options.progress().accept("  " + organization.identifier() + ": BPE ready, "
						+ describe(bpe.report()) + " (" + millisSince(t) + " ms)");
				return bpe;
			}, failures);
			for (int i = 0; i < organizations.size(); i++)
				if (bpes.get(i) != null)
					running.add(new EmbeddedOrganization(organizations.get(i), servers.get(i), bpes.get(i),
							certificates.organization(organizations.get(i).identifier()).client(),
							certificates.pki().caCertificates()));
			bpes.stream().filter(b -> b != null).forEach(running::adopt);
			Parallel.throwFirst(failures, "BPE");

			options.progress().accept("Network " + network.name() + " ready in " + millisSince(startNanos) + " ms");
			return running;
		}
		catch (RuntimeException | Error e)
		{
			running.close();
			throw e;
		}
	}

	private static String baseUrl(int port)
	{
		return "https://localhost:" + port + FhirServer.CONTEXT_PATH;
	}

	/** One port per organization, all different. */
	private static List<Integer> freePorts(List<OrganizationDefinition> organizations)
	{
		try
		{
			return LoopbackPorts.free(organizations.size());
		}
		catch (java.io.IOException e)
		{
			throw new NetworkBootException(organizations.get(0).identifier(), "port", e);
		}
	}

	private static FhirServer startServer(OrganizationDefinition organization, int port, Bundle allowList,
			NetworkCertificates certificates, NetworkClock clock, EmbeddedNetworkOptions options,
			Predicate<X509Certificate> expiredClients)
	{
		var own = certificates.organization(organization.identifier());
		try
		{
			return FhirServer.start(FhirServerConfig
					.of(organization.identifier(), own.server(), own.client(), certificates.pki().caCertificates())
					.withPort(port).withInitialBundle(allowList.copy()).withClock(clock)
					.withListener(options.listener()).withValidation(options.validation())
					.withExpiredClientCertificates(expiredClients));
		}
		catch (Exception e)
		{
			throw new NetworkBootException(organization.identifier(), "FHIR server on port " + port, e);
		}
	}

	private static OrganizationBpe startBpe(OrganizationDefinition organization, FhirServer server,
			List<PluginSource> plugins, NetworkCertificates certificates, NetworkEngines engines,
			EmbeddedNetworkOptions options)
	{
		try
		{
			return OrganizationBpe.start(OrganizationBpeConfig
					.of(organization.identifier(), server.baseUrl(),
							certificates.organization(organization.identifier()).client(),
							certificates.pki().caCertificates(), engines)
					.withPlugins(plugins).withEnvironment(organization.environment()));
		}
		catch (Exception e)
		{
			throw new NetworkBootException(organization.identifier(), "BPE", e);
		}
	}

	private static String describe(OrganizationBpe.StartReport report)
	{
		long processes = report.loaded().stream().mapToLong(p -> p.processIds().size()).sum();
		String text = report.loaded().size() + " plugin(s), " + processes + " process(es)";
		if (!report.rejected().isEmpty())
			text += ", " + report.rejected().size() + " plugin(s) REJECTED: " + report.rejected().stream()
					.map(Object::toString).collect(java.util.stream.Collectors.joining("; "));
		return text;
	}

	private static long millisSince(long nanos)
	{
		return (System.nanoTime() - nanos) / 1_000_000;
	}
}
