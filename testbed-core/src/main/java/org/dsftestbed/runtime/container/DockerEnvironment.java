package org.dsftestbed.runtime.container;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.testcontainers.DockerClientFactory;

import com.github.dockerjava.api.exception.NotFoundException;

/**
 * Whether the container runtime can work here: a Docker engine that Testcontainers can use, and if not, why not.
 * <p>
 * The probe asks Testcontainers ({@link DockerClientFactory}) once per JVM and remembers the answer, so asking
 * again is free.
 *
 * <pre>{@code
 * DockerEnvironment.Status docker = DockerEnvironment.status();
 * if (!docker.usable())
 * 	System.err.println("no container runtime: " + docker.reason());
 * }</pre>
 */
public final class DockerEnvironment
{
	/**
	 * @param usable
	 *            whether Testcontainers can talk to a Docker engine
	 * @param reason
	 *            why not when not usable; a short description of the engine otherwise
	 */
	public record Status(boolean usable, String reason)
	{
		public Status
		{
			Objects.requireNonNull(reason, "reason");
		}
	}

	private static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");
	private static final int MAX_REASON_LENGTH = 400;

	private static volatile Status status;

	private DockerEnvironment()
	{
	}

	/**
	 * @return whether Docker is usable through Testcontainers; probed on the first call, remembered after
	 */
	public static Status status()
	{
		Status s = status;
		if (s == null)
		{
			synchronized (DockerEnvironment.class)
			{
				s = status;
				if (s == null)
					status = s = probe();
			}
		}
		return s;
	}

	/**
	 * @param imageName
	 *            e.g. {@link TestbedImages#baseImage()}
	 * @return whether the Docker engine has that image locally; {@code false} when Docker is not usable
	 */
	public static boolean hasImage(String imageName)
	{
		if (!status().usable())
			return false;
		try
		{
			DockerClientFactory.instance().client().inspectImageCmd(imageName).exec();
			return true;
		}
		catch (NotFoundException e)
		{
			return false;
		}
	}

	private static Status probe()
	{
		try
		{
			DockerClientFactory factory = DockerClientFactory.instance();
			factory.client();
			return new Status(true, "Docker " + factory.getActiveApiVersion() + " API at "
					+ factory.getTransportConfig().getDockerHost());
		}
		catch (Exception | LinkageError e)
		{
			return new Status(false, reasonFor(e, System.getenv("DOCKER_HOST"), Files.exists(DEFAULT_SOCKET),
					System.getenv("TESTCONTAINERS_RYUK_DISABLED")));
		}
	}

	/**
	 * Turns a failed Testcontainers probe into one line: where Docker was looked for and what Testcontainers said.
	 */
	static String reasonFor(Throwable failure, String dockerHost, boolean defaultSocketExists, String ryukDisabled)
	{
		List<String> parts = new ArrayList<>();
		if (dockerHost != null && !dockerHost.isBlank())
			parts.add("DOCKER_HOST=" + dockerHost + " does not answer");
		else if (!defaultSocketExists)
			parts.add("no Docker socket at " + DEFAULT_SOCKET + " and DOCKER_HOST is not set");
		else
			parts.add(DEFAULT_SOCKET + " exists but Docker cannot be used through it");

		String messages = messages(failure);
		if (!messages.isEmpty())
			parts.add("Testcontainers: " + messages);

		if (messages.toLowerCase(Locale.ROOT).contains("ryuk") && !"true".equalsIgnoreCase(ryukDisabled))
			parts.add("where the Ryuk image cannot be pulled, set TESTCONTAINERS_RYUK_DISABLED=true");

		String reason = String.join("; ", parts);
		return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 3) + "...";
	}

	// the distinct messages of the cause chain, outermost first
	private static String messages(Throwable failure)
	{
		List<String> messages = new ArrayList<>();
		for (Throwable t = failure; t != null && messages.size() < 4; t = t.getCause() == t ? null : t.getCause())
		{
			String message = firstLine(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
			if (!message.isEmpty() && messages.stream().noneMatch(known -> known.contains(message)))
				messages.add(message);
		}
		return String.join(": ", messages);
	}

	private static String firstLine(String text)
	{
		int newline = text.indexOf('\n');
		return (newline >= 0 ? text.substring(0, newline) : text).strip();
	}
}
