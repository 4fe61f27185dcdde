package org.dsftestbed.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkDefinitionException;
import org.dsftestbed.network.NetworkPresets;
import org.dsftestbed.network.PkiDirectory;
import org.dsftestbed.network.PkiDirectory.Change;
import org.dsftestbed.network.PkiDirectory.FileChange;
import org.dsftestbed.network.PkiDirectory.PkiDirectoryException;
import org.dsftestbed.pki.KeyType;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dsf-testbed pki}: writes a network's certificates, keys, trust stores, thumbprints and allow-list bundles.
 */
@Command(name = "pki", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Write all certificates, keys, trust stores, a thumbprint list and the allow-list bundles of a network.",
				"Re-running keeps certificates that still fit, so thumbprints stay stable." })
final class PkiCommand implements Callable<Integer>
{
	@Spec
	CommandSpec spec;

	@Option(names = "--network", defaultValue = "tutorial", paramLabel = "<preset|file>",
			description = "Preset (${COMPLETION-CANDIDATES}) or network YAML file. Default: ${DEFAULT-VALUE}.",
			completionCandidates = PresetNames.class)
	String network;

	@Option(names = "--param", paramLabel = "name=value", description = "Network parameter, e.g. dics=10 for the feasibility preset.")
	Map<String, String> parameters = new LinkedHashMap<>();

	@Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output folder (created if missing).")
	Path out;

	@Option(names = "--key-type", paramLabel = "<type>",
			description = "Key type of new certificates: rsa-2048 (default, fast), rsa-4096 (as DSF's generator), ec-p256.")
	String keyType;

	@Option(names = "--key-password", paramLabel = "<password>", arity = "0..1", interactive = true,
			description = "Encrypt PEM private keys (PKCS#8, AES-256) with this password.")
	char[] keyPassword;

	@Option(names = "--store-password", paramLabel = "<password>", defaultValue = PkiDirectory.DEFAULT_STORE_PASSWORD,
			description = "Password of the PKCS#12 and JKS stores. Default: ${DEFAULT-VALUE}.")
	String storePassword;

	static final class PresetNames extends java.util.ArrayList<String>
	{
		private static final long serialVersionUID = 1L;

		PresetNames()
		{
			super(NetworkPresets.names());
		}
	}

	@Override
	public Integer call()
	{
		var out = spec.commandLine().getOut();
		KeyType type;
		try
		{
			type = keyType == null ? null : KeyType.fromLabel(keyType);
		}
		catch (IllegalArgumentException e)
		{
			return badInput(e);
		}
		try
		{
			NetworkDefinition definition = NetworkPresets.resolve(network, parameters);
			out.printf("Network %s (%s): %d organizations%n", definition.name(), definition.source(),
					definition.organizations().size());

			PkiDirectory.Result result = PkiDirectory.write(this.out, definition,
					new PkiDirectory.Options(type, keyPassword, storePassword.toCharArray()), Clock.systemUTC(),
					line -> out.println("  " + line));

			for (FileChange file : result.written())
				out.printf("%-8s %s%n", file.change() == Change.CREATED ? "created" : "updated", file.path());
			long unchanged = result.files().size() - result.written().size();
			out.printf("Wrote %d files to %s (%d unchanged). Thumbprints: %s%n", result.written().size(), this.out,
					unchanged, this.out.resolve("thumbprints.txt"));
			return 0;
		}
		catch (NetworkDefinitionException | PkiDirectoryException e)
		{
			return badInput(e);
		}
	}

	private int badInput(RuntimeException e)
	{
		spec.commandLine().getErr().println("error: " + e.getMessage());
		return DsfTestbed.EXIT_BAD_INPUT;
	}
}
