package org.dsftestbed.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (set by the build), or "development" when run from classes. */
final class Version implements IVersionProvider
{
	@Override
	public String[] getVersion()
	{
		String version = DsfTestbed.class.getPackage().getImplementationVersion();
		return new String[] { "dsf-testbed " + (version == null ? "development" : version)
				+ " (DSF 1.9.0 compatible)" };
	}
}
