package org.dsftestbed.steps;

import io.cucumber.java.After;
import io.cucumber.java.AfterAll;

/** Per scenario: release the clients; after the run: stop the network. */
public class Hooks
{
	private final TestbedWorld world;

	public Hooks(TestbedWorld world)
	{
		this.world = world;
	}

	@After
	public void releaseClients()
	{
		world.close();
	}

	@AfterAll
	public static void stopNetwork()
	{
		NetworkHolder.closeCurrent();
	}
}
