package org.dsftestbed.steps;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.fhir.server.RequestListener;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkPresets;
import org.dsftestbed.runtime.RunningNetwork;

/**
 * The network scenarios run on, one per JVM, booted on the run's runtime ({@link RunSettings#runtime()}). A scenario
 * asking for the same network with the same plugins as the one before gets the running network again, unless that
 * scenario changed it (a fault, simulated time): booting takes seconds, reusing it milliseconds. Every scenario only looks at Tasks of its own, so what earlier scenarios left on the
 * servers does not disturb it.
 */
final class NetworkHolder
{
	private record Key(String network, Map<String, String> parameters, List<PluginSource> plugins)
	{
	}

	private static RunningNetwork current;
	private static Key currentKey;
	private static boolean changed;

	private NetworkHolder()
	{
	}

	static synchronized RunningNetwork obtain(String network, Map<String, String> parameters,
			List<PluginSource> plugins, Map<String, PluginSource> named, RequestListener listener,
			Consumer<String> progress)
	{
		Key key = new Key(network, Map.copyOf(parameters), List.copyOf(plugins));
		if (current != null && !changed && Objects.equals(currentKey, key))
			return current;
		closeCurrent();
		NetworkDefinition definition = NetworkPresets.resolve(network, parameters);
		current = RunSettings.runtime().boot(definition, plugins, named, listener, progress,
				RunRecording.runDirectory());
		currentKey = key;
		changed = false;
		return current;
	}

	/** The network scenarios run on now, {@code null} before the first or after the last. */
	static synchronized RunningNetwork current()
	{
		return current;
	}

	/** The scenario changed the network (fault, time): the next scenario gets a new one. */
	static synchronized void markChanged()
	{
		changed = true;
	}

	static synchronized void closeCurrent()
	{
		if (current != null)
			current.close();
		current = null;
		currentKey = null;
	}
}
