package org.dsftestbed.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.dsftestbed.network.NetworkPresets;
import org.dsftestbed.conformance.report.ReportDirectory;
import org.dsftestbed.steps.ConformanceReportPlugin;
import org.dsftestbed.steps.ContainerFaultSteps;
import org.dsftestbed.steps.KnownStepsPlugin;
import org.dsftestbed.steps.RunSettings;
import org.dsftestbed.steps.RuntimeChoice;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dsf-testbed run}: runs Cucumber features on the chosen runtime (embedded by default, or containers of the
 * simulated image set) and writes the run's reports, with each container's log under {@code containers/}. Without
 * feature arguments it runs the features shipped with the testbed.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Run Cucumber features against a DSF network (embedded or containers) and write the run's reports.",
				"Exit code: 0 all scenarios passed, 1 a scenario failed, 2 bad input." })
final class RunCommand implements Callable<Integer>
{
	static final String SHIPPED_FEATURES = "classpath:features";

	@Spec
	CommandSpec spec;

	@Option(names = "--network", defaultValue = "tutorial", paramLabel = "<preset|file>",
			description = "Network for steps that name none (\"Given the network with plugin …\"): preset "
					+ "(${COMPLETION-CANDIDATES}) or YAML file. Default: ${DEFAULT-VALUE}.",
			completionCandidates = PkiCommand.PresetNames.class)
	String network;

	@Option(names = "--param", paramLabel = "name=value", description = "Network parameter, e.g. dics=10.")
	Map<String, String> parameters = new LinkedHashMap<>();

	@Option(names = "--plugins", paramLabel = "<jar|dir>", arity = "1..*",
			description = "Process plugin jars or exploded class folders; steps name them by file name without version.")
	List<Path> plugins = new ArrayList<>();

	@Option(names = "--runtime", defaultValue = "embedded", paramLabel = "embedded|container",
			description = "Where the organizations run: in this JVM, or as containers on a private Docker network "
					+ "(needs Docker). Default: ${DEFAULT-VALUE}.")
	String runtime;

	@Option(names = "--images", paramLabel = "simulated|dsf",
			description = "Image set of the container runtime: simulated (the testbed's organization image, built "
					+ "from docker-images/ when missing) or dsf (the real DSF 1.9.0 images and postgres:15, pulled "
					+ "when missing; no simulated time, no BPE pause). Default: simulated.")
	String images;

	@Option(names = "--reports", defaultValue = "reports", paramLabel = "<dir>",
			description = "Folder under which each run writes <run-id>/. Default: ${DEFAULT-VALUE}.")
	Path reports;

	@Parameters(paramLabel = "<feature file or dir>", arity = "0..*",
			description = "Features to run. Default: the testbed's shipped features.")
	List<Path> features = new ArrayList<>();

	@Override
	public Integer call()
	{
		PrintWriter err = spec.commandLine().getErr();
		try
		{
			NetworkPresets.resolve(network, parameters);
		}
		catch (IllegalArgumentException e) // NetworkDefinitionException too
		{
			return badInput(err, e.getMessage());
		}
		for (Path plugin : plugins)
			if (!Files.exists(plugin))
				return badInput(err, "plugin " + plugin + " does not exist");
		for (Path feature : features)
			if (!Files.exists(feature))
				return badInput(err, "feature " + feature + " does not exist");
		List<String> syntaxErrors = FeatureFiles.syntaxErrors(features);
		if (!syntaxErrors.isEmpty())
			return badInput(err, String.join(System.lineSeparator() + "error: ", syntaxErrors));

		RuntimeChoice choice;
		try
		{
			choice = RuntimeChoice.of(runtime, images);
		}
		catch (IllegalArgumentException e)
		{
			return badInput(err, e.getMessage());
		}

		RunSettings.set(network, parameters, plugins);
		RunSettings.runtime(choice);
		Path runDirectory;
		try
		{
			runDirectory = ReportDirectory.create(reports).path();
		}
		catch (java.io.UncheckedIOException e)
		{
			return badInput(err, e.getMessage());
		}
		List<String> arguments = new ArrayList<>(List.of("--glue", "org.dsftestbed.steps", //
				"--plugin", "progress", //
				"--plugin", KnownStepsPlugin.class.getName(), //
				"--plugin", ConformanceReportPlugin.class.getName() + ":" + runDirectory, //
				"--plugin", "json:" + runDirectory.resolve("cucumber.json"), //
				"--plugin", "html:" + runDirectory.resolve("cucumber.html"), //
				"--plugin", "junit:" + runDirectory.resolve("junit.xml"), //
				"--plugin", "summary"));
		if (choice == RuntimeChoice.EMBEDDED)
			arguments.addAll(List.of("--tags", "not " + ContainerFaultSteps.TAG));
		if (features.isEmpty())
			arguments.add(SHIPPED_FEATURES);
		else
			features.forEach(f -> arguments.add(f.toString()));

		byte status = io.cucumber.core.cli.Main.run(arguments.toArray(String[]::new),
				Thread.currentThread().getContextClassLoader());
		spec.commandLine().getOut().println("Reports: " + runDirectory.toAbsolutePath());
		spec.commandLine().getOut()
				.println("Open " + runDirectory.resolve(ReportDirectory.HTML).toAbsolutePath().toUri());
		return status == 0 ? 0 : DsfTestbed.EXIT_FAILURE;
	}

	private static int badInput(PrintWriter err, String message)
	{
		err.println("error: " + message);
		return DsfTestbed.EXIT_BAD_INPUT;
	}
}
