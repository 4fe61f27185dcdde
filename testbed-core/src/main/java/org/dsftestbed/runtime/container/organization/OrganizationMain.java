package org.dsftestbed.runtime.container.organization;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.Security;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The main class of the organization image ({@code docker-images/src/main/docker/organization}): one DSF organization,
 * FHIR server and BPE, configured by DSF's environment variables ({@link OrganizationSettings}).
 * <p>
 * Prints {@code READY <identifier> <base url>} on stdout once the FHIR server is up, the plugins are deployed and the
 * BPE's subscriptions are bound (a wait strategy can look for it); on SIGTERM it closes BPE and server and prints
 * {@code STOPPED <identifier>}. Every request its FHIR server answers is printed as one {@link RequestRecordLine}
 * ({@code RECORD {json}}), which the container runtime hands to the run recorder. Exit codes: 2 for a missing or invalid
 * variable or file, or an unreadable file of the data directory (one line on stderr naming it), 1 when starting fails
 * otherwise.
 */
public final class OrganizationMain
{
	/** Exit code for a configuration a user must fix. */
	public static final int EXIT_INVALID_CONFIGURATION = 2;
	public static final int EXIT_START_FAILED = 1;

	private OrganizationMain()
	{
	}

	public static void main(String[] args) throws InterruptedException
	{
		// other organizations' containers may be stopped and started again (and get their network alias back, perhaps
		// at another address): resolve host names anew each time instead of the JVM's 30 s / 10 s (unknown) caching
		Security.setProperty("networkaddress.cache.ttl", "0");
		Security.setProperty("networkaddress.cache.negative.ttl", "0");
		int status = run(System.getenv(), Path.of("").toAbsolutePath(), System.out, System.err);
		if (status != 0)
			System.exit(status);
		// Jetty's and Camunda's threads keep the JVM alive; the shutdown hook ends it
		new CountDownLatch(1).await();
	}

	/**
	 * Starts the organization and registers the shutdown hook that stops it.
	 *
	 * @return 0 when it runs, else the exit code
	 */
	static int run(Map<String, String> environment, Path workingDirectory, PrintStream out, PrintStream err)
	{
		OrganizationSettings settings;
		try
		{
			settings = OrganizationSettings.from(environment, workingDirectory);
		}
		catch (InvalidConfigurationException e)
		{
			err.println("INVALID CONFIGURATION: " + e.getMessage());
			return EXIT_INVALID_CONFIGURATION;
		}

		out.println("Starting " + settings);
		StandaloneOrganization organization;
		try
		{
			organization = StandaloneOrganization.start(settings, out::println, out::println);
		}
		catch (UnreadableDataException e)
		{
			err.println("UNREADABLE DATA: " + e.getMessage());
			return EXIT_INVALID_CONFIGURATION;
		}
		catch (Exception e)
		{
			err.println("START FAILED " + settings.organizationIdentifier() + ": " + describe(e));
			e.printStackTrace(err);
			return EXIT_START_FAILED;
		}

		Runtime.getRuntime().addShutdownHook(new Thread(() ->
		{
			out.println("Stopping " + settings.organizationIdentifier());
			organization.close();
			out.println("STOPPED " + settings.organizationIdentifier());
			out.flush();
		}, "organization-shutdown"));
		out.println(organization.readyLine());
		out.flush();
		return 0;
	}

	private static String describe(Throwable e)
	{
		StringBuilder text = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
		for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause())
			text.append("; caused by ").append(cause.getClass().getSimpleName()).append(": ")
					.append(cause.getMessage());
		return text.toString();
	}
}
