package org.dsftestbed.runtime.embedded;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.dsftestbed.bpe.engine.NetworkEngines;
import org.dsftestbed.network.AllowListBundle;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.pki.Thumbprint;
import org.dsftestbed.runtime.NetworkBase;
import org.dsftestbed.time.NetworkClock;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A network booted by {@link EmbeddedRuntime}: organizations in this JVM, their faults applied directly to their
 * servers. {@link #close()} stops BPEs, engines and servers in the reverse order of their start.
 */
public final class EmbeddedNetwork extends NetworkBase<EmbeddedOrganization>
{
	private static final Logger logger = LoggerFactory.getLogger(EmbeddedNetwork.class);

	private final EmbeddedNetworkOptions options;
	private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
	private final Set<String> expiredThumbprints = ConcurrentHashMap.newKeySet();
	private boolean closed;

	EmbeddedNetwork(NetworkDefinition definition, NetworkCertificates certificates, NetworkClock clock,
			EmbeddedNetworkOptions options)
	{
		super(definition, certificates, clock);
		this.options = options;
	}

	synchronized void adopt(AutoCloseable resource)
	{
		toClose.push(resource);
	}

	NetworkEngines adoptEngines(NetworkEngines engines)
	{
		adopt(engines);
		return engines;
	}

	void add(EmbeddedOrganization organization)
	{
		addOrganization(organization);
	}

	/** The options the network was booted with. */
	public EmbeddedNetworkOptions options()
	{
		return options;
	}

	@Override
	public void takeOffline(String organization)
	{
		organization(organization).fhirServer().goOffline();
	}

	@Override
	public void bringOnline(String organization)
	{
		EmbeddedOrganization o = organization(organization);
		try
		{
			o.fhirServer().goOnline();
		}
		catch (IOException e)
		{
			throw new IllegalStateException(o.identifier() + " cannot come back online: " + e.getMessage(), e);
		}
	}

	@Override
	public void setLatency(String organization, Duration latency)
	{
		Objects.requireNonNull(latency, "latency");
		if (latency.isNegative())
			throw new IllegalArgumentException("latency must not be negative: " + latency);
		organization(organization).fhirServer().setLatency(latency);
	}

	/**
	 * As an operator of each other organization would: its OrganizationAffiliations, Endpoint and Organization are
	 * deleted by conditional deletes in one transaction per server. Requests from the removed organization are then
	 * answered 401, as its client certificate's thumbprint is known nowhere.
	 */
	@Override
	public void removeFromAllowLists(String organization)
	{
		EmbeddedOrganization removed = organization(organization);
		Bundle transaction = AllowListBundle.removalTransaction(removed.identifier(),
				removed.definition().endpointIdentifier());
		for (EmbeddedOrganization other : organizations())
			if (other != removed)
				other.fhirServer().loadTrusted(transaction.copy());
	}

	@Override
	public void pauseBpe(String organization)
	{
		organization(organization).bpe().pause();
	}

	@Override
	public void resumeBpe(String organization)
	{
		EmbeddedOrganization o = organization(organization);
		try
		{
			o.bpe().resume();
		}
		catch (Exception e)
		{
			throw new IllegalStateException("BPE of " + o.identifier() + " did not resubscribe: " + e.getMessage(), e);
		}
	}

	/** Thumbprints of client certificates every server of the network refuses as expired. */
	boolean expired(X509Certificate certificate)
	{
		return expiredThumbprints.contains(Thumbprint.of(certificate));
	}

	@Override
	public void expireClientCertificate(String organization)
	{
		EmbeddedOrganization o = organization(organization);
		expiredThumbprints.add(Thumbprint.of(o.clientCertificate().certificate()));
		int dropped = 0;
		for (EmbeddedOrganization server : organizations())
			dropped += server.fhirServer().dropExpiredClients();
		logger.info("client certificate of {} expired; {} open connections dropped", o.identifier(), dropped);
	}

	@Override
	public void close()
	{
		List<AutoCloseable> resources;
		synchronized (this)
		{
			if (closed)
				return;
			closed = true;
			resources = new ArrayList<>(toClose);
			toClose.clear();
		}
		for (AutoCloseable resource : resources)
			try
			{
				resource.close();
			}
			catch (Exception | Error e)
			{
				logger.warn("closing {} of network {} failed: {}", resource, definition().name(), e.toString());
			}
	}
}
