package org.dsftestbed.fhir.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

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
		for (int attempt = 0; attempt < ATTEMPTS; attempt++)
		{
			int port = candidate();
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
