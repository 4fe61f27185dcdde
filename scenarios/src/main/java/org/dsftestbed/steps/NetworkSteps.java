package org.dsftestbed.steps;

import java.util.Arrays;
import java.util.List;

import org.dsftestbed.fhir.server.RequestListener;

import io.cucumber.java.en.Given;

/** Steps that give a scenario its network. */
public class NetworkSteps
{
	private final TestbedWorld world;

	public NetworkSteps(TestbedWorld world)
	{
		this.world = world;
	}

	@Given("the network {string}")
	public void theNetwork(String network)
	{
		boot(network, List.of());
	}

	@Given("the network {string} with plugin(s) {string}")
	public void theNetworkWithPlugins(String network, String plugins)
	{
		boot(network, names(plugins));
	}

	/** The run's network ({@code dsf-testbed run --network}, default tutorial). */
	@Given("the network with plugin(s) {string}")
	public void theRunsNetworkWithPlugins(String plugins)
	{
		boot(RunSettings.defaultNetwork(), names(plugins));
	}

	private static List<String> names(String commaSeparated)
	{
		return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	private void boot(String network, List<String> pluginNames)
	{
		PluginCatalog catalog = PluginCatalog.ofRun();
		RequestListener listener = RunRecording.listener();
		world.useNetwork(NetworkHolder.obtain(network,
				network.equals(RunSettings.defaultNetwork()) ? RunSettings.parameters() : java.util.Map.of(),
				catalog.plugins(pluginNames), catalog.named(), listener, RunRecording::progress));
	}
}
