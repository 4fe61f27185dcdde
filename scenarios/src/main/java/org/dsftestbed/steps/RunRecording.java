package org.dsftestbed.steps;

import java.io.PrintStream;

import org.dsftestbed.fhir.server.RequestListener;

/** Where the run's progress goes and what records its requests. */
final class RunRecording
{
	private static volatile PrintStream progress = System.out;

	private RunRecording()
	{
	}

	static void progress(String line)
	{
		progress.println(line);
	}

	static RequestListener listener()
	{
		return RequestListener.NONE;
	}
}
