package org.dsftestbed.steps;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dsftestbed.client.OrgClient;
import org.dsftestbed.runtime.RunningNetwork;
import org.dsftestbed.runtime.RunningOrganization;
import org.hl7.fhir.r4.model.Task;

/**
 * What one scenario's steps share (a new instance per scenario, injected by Cucumber's PicoContainer): the network it
 * runs on, a client per organization, the Tasks it started, and the instant it began, so that it only looks at Tasks of
 * its own on a network an earlier scenario used too.
 */
public class TestbedWorld implements AutoCloseable
{
	private RunningNetwork network;
	private Instant start;
	private final Map<String, OrgClient> clients = new HashMap<>();
	private final Map<String, Task> startedTasks = new LinkedHashMap<>();
	private Task lastTask;

	void useNetwork(RunningNetwork network)
	{
		this.network = network;
		this.start = network.clock().instant();
	}

	/**
	 * @throws IllegalStateException
	 *             telling the author to begin with a network step, when the scenario has none yet
	 */
	public RunningNetwork network()
	{
		if (network == null)
			throw new IllegalStateException(
					"this scenario has no network yet; begin it with a step like: Given the network \"tutorial\" with plugin \"connectivity\"");
		return network;
	}

	/** The organization by identifier, name or hostname; unknown ones are answered with the known ones. */
	public RunningOrganization organization(String name)
	{
		return network().organization(name);
	}

	/** A client acting for the organization at its own server. */
	public OrgClient client(String organization)
	{
		RunningOrganization o = organization(organization);
		return clients.computeIfAbsent(o.identifier(), id -> OrgClient.of(o));
	}

	/** When the scenario began, in the network's time; Tasks last updated before belong to earlier scenarios. */
	public Instant start()
	{
		return start;
	}

	void started(String organization, Task task)
	{
		String identifier = organization(organization).identifier();
		startedTasks.put(identifier, task);
		lastTask = task;
	}

	/**
	 * The Task the scenario started at the organization last.
	 *
	 * @throws IllegalStateException
	 *             naming where the scenario did start Tasks
	 */
	public Task startedTask(String organization)
	{
		String identifier = organization(organization).identifier();
		Task task = startedTasks.get(identifier);
		if (task == null)
			throw new IllegalStateException("no process was started at " + identifier + " in this scenario"
					+ (startedTasks.isEmpty() ? "" : "; started at: " + String.join(", ", startedTasks.keySet())));
		return task;
	}

	/** The Task the scenario started or awaited last. */
	public Task lastTask()
	{
		if (lastTask == null)
			throw new IllegalStateException("this scenario has not started or awaited a Task yet");
		return lastTask;
	}

	void awaited(Task task)
	{
		lastTask = task;
	}

	@Override
	public void close()
	{
		clients.values().forEach(OrgClient::close);
		clients.clear();
	}
}
