package org.dsftestbed.fhir.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

/**
 * Ports of at most four digits on loopback, since DSF accepts no longer ports in Endpoint addresses. A network
 * needs its organizations' ports before any server starts, because every allow list names every base URL.
 */
public final class LoopbackPorts
{
	static final int MIN = 2000;
	static final int MAX = 9999;
	private static final int ATTEMPTS = 50;

	private LoopbackPorts()
	{
	}

	/** A random port in [{@value #MIN}, {@value #MAX}]. */
	static int candidate()
	{
		return ThreadLocalRandom.current().nextInt(MIN, MAX + 1);
	}

	/**
	 * A port that was free on loopback a moment ago (another process may still take it before the server binds).
	 *
	 * @throws IOException
	 *             when none of {@value #ATTEMPTS} random candidates is free
	 */
	public static int free() throws IOException
	{
		return free(Set.of(), LoopbackPorts::candidate);
	}

	/**
	 * {@code count} different ports, each free on loopback a moment ago: two random picks may be the same port, which
	 * is still free until a server binds it, so a network's ports are picked apart from each other.
	 *
	 * @throws IOException
	 *             when for one of them none of {@value #ATTEMPTS} random candidates is free
	 */
	public static List<Integer> free(int count) throws IOException
	{
		Set<Integer> ports = new LinkedHashSet<>();
		while (ports.size() < count)
			ports.add(free(ports, LoopbackPorts::candidate));
		return List.copyOf(ports);
	}

	/** The first of the candidates that is not excluded and free on loopback. */
	static int free(Set<Integer> excluded, IntSupplier candidates) throws IOException
	{
		for (int attempt = 0; attempt < ATTEMPTS; attempt++)
		{
			int port = candidates.getAsInt();
			if (excluded.contains(port))
				continue;
			try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress()))
			{
				return port;
			}
			catch (IOException taken)
			{
				// try another
			}
		}
		throw new IOException("no free port between " + MIN + " and " + MAX + " on loopback after " + ATTEMPTS
				+ " attempts");
	}
}
