package org.dsftestbed.steps;

import org.dsftestbed.runtime.RunningNetwork;
import org.dsftestbed.runtime.container.ContainerNetwork;

import io.cucumber.java.en.When;

/**
 * Faults only a container runtime has: stop and start an organization's container, pause it, take it off the network.
 * Scenarios using them are tagged {@value #TAG}; runs on the embedded runtime leave them out.
 */
public class ContainerFaultSteps
{
	/** The tag of scenarios that need the container runtime. */
	public static final String TAG = "@container";

	private final TestbedWorld world;

	public ContainerFaultSteps(TestbedWorld world)
	{
		this.world = world;
	}

	private ContainerNetwork containers()
	{
		RunningNetwork network = world.network();
		if (network instanceof ContainerNetwork containers)
			return containers;
		throw new IllegalStateException("this step needs the container runtime (dsf-testbed run --runtime container, "
				+ "or -Ddsf.testbed.runtime=container); the network runs on " + RunSettings.runtime().description()
				+ ". Tag such scenarios " + TAG);
	}

	private String identifier(String organization)
	{
		return world.organization(organization).identifier();
	}

	@When("{string} is stopped")
	public void isStopped(String organization)
	{
		NetworkHolder.markChanged();
		containers().stopOrganization(identifier(organization));
	}

	/**
	 * It goes on with its data (resources, process states, waiting instances), without faults; clock at the network's
	 * time.
	 */
	@When("{string} is started again")
	public void isStartedAgain(String organization)
	{
		containers().startOrganization(identifier(organization));
	}

	@When("{string} is paused")
	public void isPaused(String organization)
	{
		NetworkHolder.markChanged();
		containers().pauseOrganization(identifier(organization));
	}

	@When("{string} is unpaused")
	public void isUnpaused(String organization)
	{
		containers().unpauseOrganization(identifier(organization));
	}

	@When("{string} is disconnected from the network")
	public void isDisconnected(String organization)
	{
		NetworkHolder.markChanged();
		containers().disconnectOrganization(identifier(organization));
	}

	@When("{string} is reconnected to the network")
	public void isReconnected(String organization)
	{
		containers().reconnectOrganization(identifier(organization));
	}
}
