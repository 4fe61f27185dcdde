package org.dsftestbed.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dsf-testbed} command line. Exit codes: 0 success, 1 failure, 2 bad input (usage, network definition,
 * unusable files).
 */
@Command(name = "dsf-testbed", mixinStandardHelpOptions = true, versionProvider = Version.class,
		description = "Conformance and simulation testbed for DSF networks.", subcommands = { RunCommand.class, UpCommand.class, PkiCommand.class,
				CommandLine.HelpCommand.class })
public final class DsfTestbed implements Runnable
{
	public static final int EXIT_FAILURE = 1;
	public static final int EXIT_BAD_INPUT = 2;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run()
	{
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	public static void main(String[] args)
	{
		System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
	}

	/** Runs the command line with the given streams; returns the exit code. */
	public static int execute(PrintWriter out, PrintWriter err, String... args)
	{
		CommandLine commandLine = new CommandLine(new DsfTestbed());
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setParameterExceptionHandler((exception, arguments) ->
		{
			exception.getCommandLine().getErr().println("error: " + exception.getMessage() + " (see "
					+ exception.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
			return EXIT_BAD_INPUT;
		});
		commandLine.setExecutionExceptionHandler((exception, line, parseResult) ->
		{
			line.getErr().println("error: " + exception.getMessage());
			return EXIT_FAILURE;
		});
		return commandLine.execute(args);
	}
}
