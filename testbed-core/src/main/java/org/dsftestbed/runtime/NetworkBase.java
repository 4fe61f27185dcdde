package org.dsftestbed.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.time.NetworkClock;

/**
 * What every runtime's network holds the same way: its definition, certificates and clock, and its organizations in
 * the order they came up. A runtime adds its organizations as they start and implements the faults.
 *
 * @param <O>
 *            the runtime's organization type
 */
public abstract class NetworkBase<O extends RunningOrganization> implements RunningNetwork, NetworkFaults
{
	private final NetworkDefinition definition;
	private final NetworkCertificates certificates;
	private final NetworkClock clock;
	private final List<O> organizations = new ArrayList<>();

	protected NetworkBase(NetworkDefinition definition, NetworkCertificates certificates, NetworkClock clock)
	{
		this.definition = Objects.requireNonNull(definition, "definition");
		this.certificates = Objects.requireNonNull(certificates, "certificates");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/** An organization that is up; it is part of the network from now on. */
	protected final synchronized void addOrganization(O organization)
	{
		organizations.add(organization);
	}

	@Override
	public final NetworkDefinition definition()
	{
		return definition;
	}

	@Override
	public final synchronized List<O> organizations()
	{
		return List.copyOf(organizations);
	}

	@Override
	@SuppressWarnings("unchecked") // organizations() holds only O
	public final O organization(String identifierNameOrHostname)
	{
		return (O) RunningNetwork.super.organization(identifierNameOrHostname);
	}

	@Override
	public final NetworkCertificates certificates()
	{
		return certificates;
	}

	@Override
	public final NetworkClock clock()
	{
		return clock;
	}

	@Override
	public final NetworkFaults faults()
	{
		return this;
	}
}
