package org.dsftestbed.runtime.container;

import java.security.cert.X509Certificate;
import java.util.List;

import org.dsftestbed.network.OrganizationDefinition;
import org.dsftestbed.pki.IssuedCertificate;
import org.dsftestbed.runtime.RunningOrganization;

/**
 * One organization of a {@link ContainerNetwork}: a container of the organization image (on the dsf image set one of
 * DSF's FHIR server image and one of its BPE image), known to the others under
 * its hostnames ({@link #fhirBaseUrl()} is {@code https://<primary hostname>/fhir}), reached from this JVM through
 * its published ports ({@link #connectUrl()}, {@link #controlUrl()}), which change when the container restarts.
 */
public final class ContainerOrganization implements RunningOrganization
{
	/** The FHIR server's port inside the container, as in DSF's images. */
	static final int API_PORT = 443;

	private final OrganizationDefinition definition;
	private final String baseUrl;
	private final IssuedCertificate clientCertificate;
	private final List<X509Certificate> trustedCas;
	private final ContainerLog log;
	private volatile String containerId;
	/** The dsf image set's BPE container, started after the FHIR server's; {@code null} on the simulated set. */
	private volatile Companion bpe;
	private volatile String connectUrl;
	private volatile String controlUrl;
	private volatile boolean serverOnline = true;
	private volatile boolean running = true;
	private volatile boolean paused;
	private volatile boolean connected = true;

	ContainerOrganization(OrganizationDefinition definition, String baseUrl, IssuedCertificate clientCertificate,
			List<X509Certificate> trustedCas, ContainerLog log)
	{
		this.definition = definition;
		this.baseUrl = baseUrl;
		this.clientCertificate = clientCertificate;
		this.trustedCas = List.copyOf(trustedCas);
		this.log = log;
	}

	@Override
	public OrganizationDefinition definition()
	{
		return definition;
	}

	@Override
	public String fhirBaseUrl()
	{
		return baseUrl;
	}

	/** {@code https://localhost:<published port>/fhir}; the server certificates name {@code localhost} too. */
	@Override
	public String connectUrl()
	{
		return connectUrl;
	}

	/** The test-only control endpoint, {@code http://localhost:<published port>}; {@code null} on the dsf image set. */
	public String controlUrl()
	{
		return controlUrl;
	}

	/** Its main container: the organization image's, or on the dsf image set DSF's FHIR server's. */
	public String containerId()
	{
		return containerId;
	}

	/**
	 * Every container of the organization in start order: the main one, then (dsf image set) the BPE's.
	 */
	public List<String> containerIds()
	{
		Companion companion = bpe;
		return companion == null ? List.of(containerId) : List.of(containerId, companion.containerId());
	}

	/** A second container of the organization that the faults act on with the main one, and its log. */
	record Companion(String containerId, ContainerLog log)
	{
	}

	/** The dsf image set's BPE container, or {@code null}. */
	Companion bpe()
	{
		return bpe;
	}

	void bpeStarted(String containerId, ContainerLog log)
	{
		this.bpe = new Companion(containerId, log);
	}

	@Override
	public IssuedCertificate clientCertificate()
	{
		return clientCertificate;
	}

	@Override
	public List<X509Certificate> trustedCas()
	{
		return trustedCas;
	}

	/** False while its server is taken offline, or its container is stopped, paused or off the network. */
	@Override
	public boolean isOnline()
	{
		return reachable() && serverOnline;
	}

	/** The last lines of its container's output, oldest first. */
	public List<String> logTail()
	{
		return log.tail();
	}

	ContainerLog log()
	{
		return log;
	}

	void started(String containerId, int apiPort, int controlPort)
	{
		this.containerId = containerId;
		this.connectUrl = "https://localhost:" + apiPort + "/fhir";
		this.controlUrl = "http://localhost:" + controlPort;
		this.running = true;
		this.serverOnline = true;
	}

	/** Started without a control endpoint (the dsf image set): {@link #controlUrl()} is {@code null}. */
	void started(String containerId, int apiPort)
	{
		started(containerId, apiPort, -1);
		this.controlUrl = null;
	}

	void stopped()
	{
		running = false;
	}

	void paused(boolean paused)
	{
		this.paused = paused;
	}

	boolean paused()
	{
		return paused;
	}

	void connected(boolean connected)
	{
		this.connected = connected;
	}

	/** Whether this JVM reaches its published ports: running, not paused, on the network. */
	boolean reachable()
	{
		return running && !paused && connected;
	}

	void serverOnline(boolean online)
	{
		serverOnline = online;
	}

	@Override
	public String toString()
	{
		return definition.identifier() + " " + baseUrl + " (container " + (containerId == null ? "-"
				: containerId.substring(0, Math.min(12, containerId.length()))) + ", " + connectUrl + ")";
	}
}
