package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

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

	@Test
	void aPortAlreadyPickedIsSkippedEvenThoughItIsStillFree() throws Exception
	{
		List<Integer> two = LoopbackPorts.free(2);
		int picked = two.get(0);
		int other = two.get(1);
		Iterator<Integer> candidates = List.of(picked, picked, other).iterator();

		assertThat(LoopbackPorts.free(Set.of(picked), candidates::next)).isEqualTo(other);
		assertThat(LoopbackPorts.free(Set.of(), List.of(picked).iterator()::next)).isEqualTo(picked);
	}

	@Test
	void severalPortsAreAllDifferentAndInRange() throws Exception
	{
		assertThat(LoopbackPorts.free(20)).hasSize(20).doesNotHaveDuplicates()
				.allSatisfy(port -> assertThat(port).isBetween(2000, 9999));
	}
}
