package org.dsftestbed.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkPresets;
import org.dsftestbed.network.PkiDirectory;
import org.dsftestbed.runtime.embedded.EmbeddedNetwork;
import org.dsftestbed.runtime.embedded.EmbeddedNetworkOptions;
import org.dsftestbed.runtime.embedded.EmbeddedOrganization;
import org.dsftestbed.runtime.embedded.EmbeddedRuntime;
import org.dsftestbed.steps.PluginCatalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dsf-testbed up}: boots a network and keeps it running until interrupted, with {@code network.json} telling
 * curl, a browser or any FHIR client where each organization is and which certificate to present.
 */
@Command(name = "up", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Boot an embedded DSF network and keep it running until Ctrl-C or SIGTERM.",
				"Writes <out>/network.json (base URLs, certificate files) and prints READY when every organization runs." })
final class UpCommand implements Callable<Integer>
{
	@Spec
	CommandSpec spec;

	@Option(names = "--network", defaultValue = "tutorial", paramLabel = "<preset|file>",
			description = "Preset (${COMPLETION-CANDIDATES}) or network YAML file. Default: ${DEFAULT-VALUE}.",
			completionCandidates = PkiCommand.PresetNames.class)
	String network;

	@Option(names = "--param", paramLabel = "name=value", description = "Network parameter, e.g. dics=10.")
	Map<String, String> parameters = new LinkedHashMap<>();

	@Option(names = "--plugins", paramLabel = "<jar|dir>", arity = "1..*",
			description = "Process plugin jars or exploded class folders, deployed to every organization.")
	List<Path> plugins = new ArrayList<>();

	@Option(names = "--out", required = true, paramLabel = "<dir>",
			description = "Folder for network.json and the certificates (created if missing).")
	Path out;

	@Override
	public Integer call() throws Exception
	{
		PrintWriter stdout = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		NetworkDefinition definition;
		List<PluginSource> sources = new ArrayList<>();
		PluginCatalog catalog;
		try
		{
			definition = NetworkPresets.resolve(network, parameters);
			for (Path plugin : plugins)
			{
				if (!Files.exists(plugin))
					throw new IllegalArgumentException("plugin " + plugin + " does not exist");
				sources.add(Files.isDirectory(plugin) ? PluginSource.directory(plugin) : PluginSource.jar(plugin));
			}
			catalog = PluginCatalog.shippedAnd(plugins);
		}
		catch (IllegalArgumentException e)
		{
			err.println("error: " + e.getMessage());
			return DsfTestbed.EXIT_BAD_INPUT;
		}

		Path pkiFolder = out.resolve("pki");
		PkiDirectory.Result pki = PkiDirectory.write(pkiFolder, definition, PkiDirectory.Options.defaults(),
				Clock.systemUTC(), line -> {});
		EmbeddedNetworkOptions options = EmbeddedNetworkOptions.of(definition).withPlugins(sources)
				.withCertificates(pki.certificates()).withProgress(stdout::println);
		for (var named : catalog.named().entrySet())
			options = options.withNamedPlugin(named.getKey(), named.getValue());

		CountDownLatch stopped = new CountDownLatch(1);
		EmbeddedNetwork running = EmbeddedRuntime.boot(options);
		Thread shutdown = new Thread(() ->
		{
			running.close();
			stopped.countDown();
		}, "dsf-testbed-shutdown");
		Runtime.getRuntime().addShutdownHook(shutdown);

		Path networkJson = writeNetworkJson(running, pkiFolder);
		for (EmbeddedOrganization organization : running.organizations())
			stdout.printf("%-30s %s%n", organization.identifier(), organization.fhirBaseUrl());
		stdout.println("network.json: " + networkJson.toAbsolutePath());
		stdout.println("READY");
		stdout.flush();
		stopped.await();
		return 0;
	}

	private Path writeNetworkJson(EmbeddedNetwork running, Path pkiFolder) throws IOException
	{
		ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
		ObjectNode root = mapper.createObjectNode();
		ArrayNode organizations = root.putArray("organizations");
		Path pki = pkiFolder.toAbsolutePath();
		for (EmbeddedOrganization organization : running.organizations())
		{
			Path own = pki.resolve("organizations").resolve(organization.identifier());
			organizations.addObject().put("identifier", organization.identifier())
					.put("fhirBaseUrl", organization.fhirBaseUrl())
					.put("clientCertificate", own.resolve("client-certificate.pem").toString())
					.put("clientKey", own.resolve("client-private-key.pem").toString())
					.put("caCertificates", pki.resolve("ca/ca-certificates.pem").toString());
		}
		root.put("browserCertificate", pki.resolve("browser/browser-user.p12").toString());
		Path file = out.resolve("network.json");
		Files.createDirectories(out);
		mapper.writeValue(file.toFile(), root);
		return file;
	}
}
