package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class LoopbackPortsTest
{
	@Test
	void freePortHasAtMostFourDigitsAndCanBeBound() throws Exception
	{
		int port = LoopbackPorts.free();

		assertThat(port).isBetween(2000, 9999);
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress()))
		{
			assertThat(socket.getLocalPort()).isEqualTo(port);
		}
	}
}
