package org.dsftestbed.fhir.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.SSLSocket;

import org.dsftestbed.pki.IssuedCertificate;
import org.dsftestbed.pki.TlsContexts;

/**
 * A websocket client that stops reading: it does the handshake, sends {@code bind <id>} and then never reads again,
 * with a tiny receive buffer, so the server's writes to it soon cannot progress.
 */
final class StalledWebSocketClient implements AutoCloseable
{
	private final SSLSocket socket;

	StalledWebSocketClient(String baseUrl, IssuedCertificate certificate, List<X509Certificate> cas,
			String subscriptionId) throws IOException
	{
		URI uri = WebSocketTestClient.webSocketUri(baseUrl);
		socket = (SSLSocket) TlsContexts.create(certificate, cas).getSocketFactory().createSocket();
		socket.setReceiveBufferSize(4096);
		socket.setSoTimeout((int) WebSocketTestClient.TIMEOUT.toMillis());
		socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
		socket.startHandshake();

		byte[] key = new byte[16];
		ThreadLocalRandom.current().nextBytes(key);
		OutputStream out = socket.getOutputStream();
		out.write(("GET " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
				+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
				+ Base64.getEncoder().encodeToString(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
		String head = readHead(socket.getInputStream());
		if (!head.startsWith("HTTP/1.1 101"))
			throw new IOException("websocket handshake failed: " + head);
		out.write(maskedTextFrame("bind " + subscriptionId));
		out.flush();
	}

	/** Reads one short text frame from the server (before stalling), e.g. the answer to the bind. */
	String readText() throws IOException
	{
		InputStream in = socket.getInputStream();
		int first = in.read();
		int second = in.read();
		if (first != 0x81 || second < 0 || (second & 0x80) != 0 || (second & 0x7f) > 125)
			throw new IOException("not a short, final, unmasked text frame: " + first + " " + second);
		byte[] payload = in.readNBytes(second & 0x7f);
		return new String(payload, StandardCharsets.UTF_8);
	}

	private static String readHead(InputStream in) throws IOException
	{
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (true)
		{
			int b = in.read();
			if (b < 0)
				throw new IOException("connection closed during handshake: " + head);
			head.write(b);
			byte[] bytes = head.toByteArray();
			int n = bytes.length;
			if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n')
				return head.toString(StandardCharsets.US_ASCII);
		}
	}

	/** A final, masked text frame with a payload shorter than 126 bytes, as clients must send. */
	private static byte[] maskedTextFrame(String text)
	{
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		if (payload.length > 125)
			throw new IllegalArgumentException("payload too long for this test client");
		byte[] mask = new byte[4];
		ThreadLocalRandom.current().nextBytes(mask);
		byte[] frame = new byte[2 + 4 + payload.length];
		frame[0] = (byte) 0x81;
		frame[1] = (byte) (0x80 | payload.length);
		System.arraycopy(mask, 0, frame, 2, 4);
		for (int i = 0; i < payload.length; i++)
			frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
		return frame;
	}

	@Override
	public void close() throws IOException
	{
		socket.close();
	}
}
