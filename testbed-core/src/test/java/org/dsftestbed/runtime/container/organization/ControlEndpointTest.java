package org.dsftestbed.runtime.container.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControlEndpointTest
{
	/** Records what was asked of it. */
	private static final class RecordingActions implements ControlEndpoint.Actions
	{
		final List<String> calls = new ArrayList<>();
		Duration offset = Duration.ZERO;
		boolean failResume;

		@Override
		public Duration advanceClock(Duration amount)
		{
			calls.add("advance " + amount.toMillis());
			offset = offset.plus(amount);
			return offset;
		}

		@Override
		public void pauseBpe()
		{
			calls.add("pause");
		}

		@Override
		public void resumeBpe() throws Exception
		{
			calls.add("resume");
			if (failResume)
				throw new IllegalStateException("subscriptions not bound");
		}

		@Override
		public void takeServerOffline()
		{
			calls.add("offline");
		}

		@Override
		public void bringServerOnline()
		{
			calls.add("online");
		}

		@Override
		public void setLatency(Duration latency)
		{
			calls.add("latency " + latency.toMillis());
		}

		@Override
		public void removeFromAllowList(String organizationIdentifier, String endpointIdentifier)
		{
			calls.add("remove " + organizationIdentifier + " " + endpointIdentifier);
		}

		@Override
		public int expireClientCertificate(String thumbprint)
		{
			calls.add("expire " + thumbprint);
			return 2;
		}

		@Override
		public String health()
		{
			return "UP test";
		}
	}

	private final RecordingActions actions = new RecordingActions();
	private final HttpClient http = HttpClient.newHttpClient();
	private ControlEndpoint endpoint;

	@BeforeEach
	void start() throws Exception
	{
		endpoint = ControlEndpoint.start("127.0.0.1", 0, actions);
	}

	@AfterEach
	void stop()
	{
		endpoint.close();
	}

	private HttpResponse<String> send(String method, String path) throws Exception
	{
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
				.method(method, BodyPublishers.noBody()).build(), BodyHandlers.ofString());
	}

	@Test
	void healthAnswersTheOrganizationsState() throws Exception
	{
		HttpResponse<String> response = send("GET", "/health");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("UP test\n");
		assertThat(actions.calls).isEmpty();
	}

	@Test
	void advancingTheClockReportsTheNewOffset() throws Exception
	{
		assertThat(send("POST", "/clock/advance?millis=1500").body()).isEqualTo("clock-offset-millis=1500\n");
		assertThat(send("POST", "/clock/advance?other=1&millis=500").body()).isEqualTo("clock-offset-millis=2000\n");
		assertThat(actions.calls).containsExactly("advance 1500", "advance 500");
	}

	@Test
	void aMissingNegativeOrMalformedAmountIs400AndDoesNothing() throws Exception
	{
		for (String query : new String[] { "", "?millis=", "?millis=-1", "?millis=1s", "?seconds=3" })
		{
			HttpResponse<String> response = send("POST", "/clock/advance" + query);
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(response.body()).as(query).containsAnyOf("needs ?millis=", "only moves forward");
		}
		assertThat(actions.calls).isEmpty();
	}

	@Test
	void pauseAndResumeReachTheBpe() throws Exception
	{
		assertThat(send("POST", "/bpe/pause").body()).isEqualTo("bpe=paused\n");
		assertThat(send("POST", "/bpe/resume").body()).isEqualTo("bpe=running\n");
		assertThat(actions.calls).containsExactly("pause", "resume");
	}

	@Test
	void aFailingActionIs500WithItsMessage() throws Exception
	{
		actions.failResume = true;
		HttpResponse<String> response = send("POST", "/bpe/resume");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("/bpe/resume failed", "subscriptions not bound");
	}

	@Test
	void wrongMethodsAndUnknownPathsAreRefused() throws Exception
	{
		assertThat(send("GET", "/bpe/pause").statusCode()).isEqualTo(405);
		assertThat(send("POST", "/health").statusCode()).isEqualTo(405);
		HttpResponse<String> unknown = send("POST", "/bpe/stop");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("/bpe/stop", "POST /bpe/pause");
		assertThat(actions.calls).isEmpty();
	}

	@Test
	void serverFaultsReachTheServer() throws Exception
	{
		assertThat(send("POST", "/server/offline").body()).isEqualTo("server=offline\n");
		assertThat(send("POST", "/server/online").body()).isEqualTo("server=online\n");
		assertThat(send("POST", "/server/latency?millis=250").body()).isEqualTo("latency-millis=250\n");
		assertThat(send("POST", "/server/latency?millis=0").body()).isEqualTo("latency-millis=0\n");
		assertThat(actions.calls).containsExactly("offline", "online", "latency 250", "latency 0");
	}

	@Test
	void aNegativeLatencyIs400() throws Exception
	{
		HttpResponse<String> response = send("POST", "/server/latency?millis=-5");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("/server/latency", "must not be negative", "-5");
		assertThat(actions.calls).isEmpty();
	}

	@Test
	void allowListRemovalTakesTheOrganizationAndItsEndpointDecoded() throws Exception
	{
		assertThat(send("POST", "/allow-list/remove?organization=Test%20TTP&endpoint=ttp").body())
				.isEqualTo("removed=Test TTP\n");
		assertThat(actions.calls).containsExactly("remove Test TTP ttp");
	}

	@Test
	void allowListRemovalWithoutItsParametersIs400() throws Exception
	{
		HttpResponse<String> noEndpoint = send("POST", "/allow-list/remove?organization=Test_TTP");
		assertThat(noEndpoint.statusCode()).isEqualTo(400);
		assertThat(noEndpoint.body()).contains("needs ?endpoint=");
		assertThat(send("POST", "/allow-list/remove").body()).contains("needs ?organization=");
		assertThat(actions.calls).isEmpty();
	}

	@Test
	void expiringACertificateReportsTheDroppedConnections() throws Exception
	{
		assertThat(send("POST", "/tls/expire?thumbprint=ab12").body()).isEqualTo("dropped=2\n");
		assertThat(send("POST", "/tls/expire").statusCode()).isEqualTo(400);
		assertThat(actions.calls).containsExactly("expire ab12");
	}
}
