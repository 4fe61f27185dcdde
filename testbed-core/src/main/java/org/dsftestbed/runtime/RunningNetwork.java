package org.dsftestbed.runtime;

import java.util.List;
import java.util.stream.Collectors;

import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.time.NetworkClock;

/**
 * A booted DSF network, whichever runtime runs it: its organizations with their base URLs and client certificates,
 * the one simulated clock of the network, and the faults a scenario can inject. Closing it releases every port,
 * thread and container the runtime created.
 *
 * <pre>{@code
 * try (RunningNetwork network = EmbeddedRuntime.boot(EmbeddedNetworkOptions.of(NetworkPresets.load("tutorial"))))
 * {
 * 	RunningOrganization dic = network.organization("dic.dsf.test");
 * 	network.faults().takeOffline("hrp.dsf.test");
 * 	network.clock().advance(Duration.ofMinutes(5));
 * }
 * }</pre>
 */
public interface RunningNetwork extends AutoCloseable
{
	NetworkDefinition definition();

	List<? extends RunningOrganization> organizations();

	/**
	 * The organization with this identifier (e.g. {@code dic.dsf.test}, {@code Test_DIC_1}), name or primary
	 * hostname.
	 *
	 * @throws IllegalArgumentException
	 *             listing the network's organizations when none matches
	 */
	default RunningOrganization organization(String identifierNameOrHostname)
	{
		List<RunningOrganization> all = List.copyOf(organizations());
		return all.stream().filter(o -> o.identifier().equals(identifierNameOrHostname)).findFirst()
				.or(() -> all.stream().filter(o -> identifierNameOrHostname.equals(o.definition().name())
						|| o.definition().primaryHostname().equals(identifierNameOrHostname)).findFirst())
				.orElseThrow(() -> new IllegalArgumentException("unknown organization '" + identifierNameOrHostname
						+ "' in network " + definition().name() + "; known: "
						+ all.stream().map(RunningOrganization::identifier).collect(Collectors.joining(", "))));
	}

	/** The certificate authority and every organization's certificates (including the browser user's). */
	NetworkCertificates certificates();

	/** The network's simulated time: FHIR servers, BPE timers and reports read it. */
	NetworkClock clock();

	NetworkFaults faults();

	/** Stops every organization and releases what the runtime holds; never throws. */
	@Override
	void close();
}
