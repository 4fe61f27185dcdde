package org.dsftestbed.runtime.embedded;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkDefinitionReader;

/**
 * What the tests that boot embedded networks share: the exploded test plugins under {@code test-plugin/} of the test
 * resources, and booting a network from YAML text with them. Only one network runs per JVM at a time (one Camunda
 * clock): close it in {@code @AfterAll}.
 */
public final class TestNetworks
{
	private TestNetworks()
	{
	}

	/** The two-organization ping/pong plugin ({@code org.dsftestbed.bpe.twoorg}). */
	public static PluginSource twoOrgPingPlugin()
	{
		return exploded("twoorg", "dsf-testbed-two-org-ping-1.0.0.0.jar");
	}

	/** The plugin whose processes fail in DSF's ways ({@code org.dsftestbed.bpe.failure}). */
	public static PluginSource failurePlugin()
	{
		return exploded("failure", "dsf-testbed-failure-1.0.0.0.jar");
	}

	private static PluginSource exploded(String directory, String jarName)
	{
		try
		{
			return PluginSource.directory(
					Path.of(TestNetworks.class.getResource("/test-plugin/" + directory).toURI()), jarName);
		}
		catch (URISyntaxException e)
		{
			throw new IllegalStateException(e);
		}
	}

	/** The network of the YAML text, as if read from {@code <name>.yaml}. */
	public static NetworkDefinition definition(String name, String yaml)
	{
		return NetworkDefinitionReader.read(yaml, name + ".yaml", name, Map.of());
	}

	/** Boots the network of the YAML text with the plugin deployed to every organization. */
	public static EmbeddedNetwork boot(String name, String yaml, PluginSource plugin)
	{
		return EmbeddedRuntime.boot(EmbeddedNetworkOptions.of(definition(name, yaml)).withPlugins(List.of(plugin)));
	}
}
