package org.dsftestbed.runtime.embedded;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.fhir.server.RequestListener;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.pki.KeyType;
import org.dsftestbed.time.NetworkClock;

/**
 * What {@link EmbeddedRuntime#boot} needs besides the network definition; every setting has a default that works.
 *
 * <pre>{@code
 * EmbeddedNetworkOptions options = EmbeddedNetworkOptions.of(NetworkPresets.load("tutorial"))
 * 		.withPlugins(List.of(PluginSource.jar(Path.of("ping-pong-1.0.1.0.jar"))))
 * 		.withProgress(System.out::println);
 * }</pre>
 *
 * @param plugins
 *            deployed to every organization, after the plugins its definition lists
 * @param namedPlugins
 *            plugins an organization definition may list by name (e.g. {@code connectivity}); other entries are paths
 *            of jars or directories, relative to the definition's file
 * @param certificates
 *            the network's certificates, or {@code null} to generate them with {@code keyType}
 * @param clock
 *            the network's simulated clock, or {@code null} for a new one
 * @param listener
 *            told about every request every FHIR server answers (the run recorder)
 * @param validation
 *            whether the FHIR servers validate resources against their profiles, as DSF does
 * @param progress
 *            receives one line per boot step
 * @param subscriptionTimeout
 *            how long a BPE may take to bind its websocket subscriptions
 */
public record EmbeddedNetworkOptions(NetworkDefinition network, List<PluginSource> plugins,
		Map<String, PluginSource> namedPlugins, NetworkCertificates certificates, KeyType keyType, NetworkClock clock,
		RequestListener listener, boolean validation, Consumer<String> progress, Duration subscriptionTimeout)
{
	public EmbeddedNetworkOptions
	{
		Objects.requireNonNull(network, "network");
		plugins = List.copyOf(plugins);
		namedPlugins = Map.copyOf(namedPlugins);
		Objects.requireNonNull(keyType, "keyType");
		Objects.requireNonNull(listener, "listener");
		Objects.requireNonNull(progress, "progress");
		Objects.requireNonNull(subscriptionTimeout, "subscriptionTimeout");
	}

	/**
	 * Defaults: no plugins, generated EC P-256 certificates, a new clock, validation on, no progress output.
	 * <p>
	 * EC P-256 because a network generates all its keys at every boot: RSA 2048 keys took 0.5-1 s of a boot of the
	 * tutorial network, EC keys a few milliseconds. What DSF checks of a certificate (thumbprint, subject, extended key
	 * usage, issuer chain) does not depend on the key type; {@link #withKeyType} chooses RSA where it matters.
	 */
	public static EmbeddedNetworkOptions of(NetworkDefinition network)
	{
		return new EmbeddedNetworkOptions(network, List.of(), Map.of(), null, KeyType.EC_P256, null,
				RequestListener.NONE, true, line -> {}, Duration.ofSeconds(30));
	}

	public EmbeddedNetworkOptions withPlugins(List<PluginSource> plugins)
	{
		return new EmbeddedNetworkOptions(network, plugins, namedPlugins, certificates, keyType, clock, listener,
				validation, progress, subscriptionTimeout);
	}

	public EmbeddedNetworkOptions withNamedPlugin(String name, PluginSource plugin)
	{
		Map<String, PluginSource> named = new LinkedHashMap<>(namedPlugins);
		named.put(name, plugin);
		return new EmbeddedNetworkOptions(network, plugins, named, certificates, keyType, clock, listener, validation,
				progress, subscriptionTimeout);
	}

	public EmbeddedNetworkOptions withCertificates(NetworkCertificates certificates)
	{
		return new EmbeddedNetworkOptions(network, plugins, namedPlugins, certificates, keyType, clock, listener,
				validation, progress, subscriptionTimeout);
	}

	public EmbeddedNetworkOptions withKeyType(KeyType keyType)
	{
		return new EmbeddedNetworkOptions(network, plugins, namedPlugins, certificates, keyType, clock, listener,
				validation, progress, subscriptionTimeout);
	}

	public EmbeddedNetworkOptions withClock(NetworkClock clock)
	{
		return new EmbeddedNetworkOptions(network, plugins, namedPlugins, certificates, keyType, clock, listener,
				validation, progress, subscriptionTimeout);
	}

	public EmbeddedNetworkOptions withListener(RequestListener listener)
	{
		return new EmbeddedNetworkOptions(network, plugins, namedPlugins, certificates, keyType, clock, listener,
				validation, progress, subscriptionTimeout);
	}

	public EmbeddedNetworkOptions withValidation(boolean validation)
	{
		return new EmbeddedNetworkOptions(network, plugins, namedPlugins, certificates, keyType, clock, listener,
				validation, progress, subscriptionTimeout);
	}

	public EmbeddedNetworkOptions withProgress(Consumer<String> progress)
	{
		return new EmbeddedNetworkOptions(network, plugins, namedPlugins, certificates, keyType, clock, listener,
				validation, progress, subscriptionTimeout);
	}
}
