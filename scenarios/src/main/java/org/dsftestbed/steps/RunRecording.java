package org.dsftestbed.steps;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.dsftestbed.conformance.record.RunRecorder;
import org.dsftestbed.conformance.report.Organization;
import org.dsftestbed.fhir.server.RequestListener;
import org.dsftestbed.runtime.RunningNetwork;

/**
 * The run's recorder, which every network booted for scenarios reports to, and where progress goes. One per JVM, as
 * a run of features is.
 */
final class RunRecording
{
	private static final RunRecorder recorder = new RunRecorder();
	private static volatile PrintStream progress = System.out;
	private static volatile Path runDirectory;

	private RunRecording()
	{
	}

	static void progress(String line)
	{
		progress.println(line);
	}

	/** The run's report directory, {@code null} before the report plugin made it. */
	static Path runDirectory()
	{
		return runDirectory;
	}

	static void runDirectory(Path directory)
	{
		runDirectory = directory;
	}

	static RunRecorder recorder()
	{
		return recorder;
	}

	static RequestListener listener()
	{
		return recorder;
	}

	/** The organizations of the network scenarios run on now, for the report's diagrams. */
	static List<Organization> currentOrganizations()
	{
		RunningNetwork network = NetworkHolder.current();
		return network == null ? List.of()
				: network.organizations().stream().map(o -> new Organization(o.identifier(), o.fhirBaseUrl()))
						.toList();
	}
}
