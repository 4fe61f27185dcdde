package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.IntSupplier;

import org.dsftestbed.fhir.authorization.Network;
import org.dsftestbed.fhir.authorization.Processes;
import org.dsftestbed.fhir.authorization.Tags;
import org.dsftestbed.fhir.context.FhirContexts;
import org.dsftestbed.fhir.identity.FhirServerRole;
import org.dsftestbed.fhir.identity.PractitionerRoleConfig;
import org.dsftestbed.fhir.store.ResourceStore;
import org.dsftestbed.pki.IssuedCertificate;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.ParameterComponent;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The websocket subscription endpoint {@code wss://localhost:<port>/fhir/ws} over real TLS with client certificates:
 * who may connect, the bind/bound protocol, what is delivered in which format, Subscription changes at run time,
 * pings, clean-up, and that slow clients hold up nothing else.
 * <p>
 * "Not delivered" is shown without waiting where possible: messages of one session arrive in the order of the changes,
 * so when a later matching change arrives first, the earlier one was not sent.
 */
class FhirServerWebSocketTest
{
	private static final String TASK_BASE = "http://dsf.dev/fhir/StructureDefinition/task-base|1.0.0";
	private static final Duration PING_INTERVAL = Duration.ofMillis(200);

	private static IssuedCertificate watcher;
	private static IssuedCertificate reader;
	private static ServerFixture fixture;
	private static HttpsTestClient local;
	private static HttpsTestClient remote;

	@BeforeAll
	static void start() throws Exception
	{
		fixture = new ServerFixture((config, certificates) ->
		{
			// practitioners of the local organization: one may open websockets but not read, one the other way round
			watcher = certificates.pki().clientCertificate("websocket-watcher", "Watcher");
			reader = certificates.pki().clientCertificate("reader", "Reader");
			return config.withWebSocketPingInterval(PING_INTERVAL)
					.withPractitioner(new PractitionerRoleConfig("watcher", watcher.thumbprint(),
							EnumSet.of(FhirServerRole.WEBSOCKET, FhirServerRole.SEARCH), Set.of()))
					.withPractitioner(new PractitionerRoleConfig("reader", reader.thumbprint(),
							EnumSet.of(FhirServerRole.READ, FhirServerRole.SEARCH), Set.of()));
		});
		local = fixture.client(ServerFixture.LOCAL);
		remote = fixture.client(ServerFixture.REMOTE);
	}

	@AfterAll
	static void stop()
	{
		fixture.close();
	}

	private static WebSocketTestClient connect(String organization) throws Exception
	{
		return connect(fixture.certificates.organization(organization).client());
	}

	private static WebSocketTestClient connect(IssuedCertificate certificate) throws Exception
	{
		return WebSocketTestClient.connect(fixture.server.baseUrl(), certificate, fixture.cas());
	}

	private static String storedSubscription(String criteria)
	{
		List<Resource> found = fixture.server.store().current("Subscription",
				r -> criteria.equals(((Subscription) r).getCriteria()));
		assertThat(found).hasSize(1);
		return found.get(0).getIdElement().getIdPart();
	}

	/** Creates an active websocket Subscription (tag LOCAL) as the local organization; returns its id. */
	private static String subscription(String criteria, String payload) throws Exception
	{
		Subscription subscription = new Subscription().setStatus(SubscriptionStatus.ACTIVE).setReason("test")
				.setCriteria(criteria);
		subscription.getChannel().setType(SubscriptionChannelType.WEBSOCKET).setPayload(payload);
		HttpsTestClient.Response response = local.postJson("Subscription", Tags.tagged(subscription, Tags.local()));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.resource(Subscription.class).getIdElement().getIdPart();
	}

	private static String createLibrary(String url) throws Exception
	{
		return create(FhirServerRestTest.library(url));
	}

	private static String create(Resource resource) throws Exception
	{
		HttpsTestClient.Response response = local.postJson(resource.fhirType(), resource);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.resource(resource.getClass()).getIdElement().getIdPart();
	}

	private static String newUrl()
	{
		return "http://example.org/Library/" + UUID.randomUUID();
	}

	private static void await(String what, IntSupplier actual, int expected) throws InterruptedException
	{
		long deadline = System.nanoTime() + WebSocketTestClient.TIMEOUT.toNanos();
		while (actual.getAsInt() != expected)
		{
			if (System.nanoTime() > deadline)
				assertThat(actual.getAsInt()).as(what).isEqualTo(expected);
			Thread.sleep(10);
		}
	}

	// --- the BPE's Task subscription

	private static ParameterComponent input(String code, String value)
	{
		ParameterComponent input = new ParameterComponent(new CodeableConcept(), new StringType(value));
		input.getType().addCoding().setSystem("http://dsf.dev/fhir/CodeSystem/bpmn-message").setCode(code);
		return input;
	}

	/** A Task with DSF's base Task profile, logical requester and recipient, as the BPE sends it. */
	private static Task task(TaskStatus status, String requester)
	{
		Task task = new Task().setStatus(status).setIntent(TaskIntent.ORDER).setAuthoredOn(new Date())
				.setInstantiatesCanonical(Processes.INSTANTIATES_CANONICAL);
		task.getMeta().addProfile(TASK_BASE);
		task.setRequester(Network.logicalOrganization(requester));
		task.getRestriction().addRecipient(Network.logicalOrganization(ServerFixture.LOCAL));
		task.addInput(input("message-name", Processes.MESSAGE_NAME));
		return task;
	}

	@Test
	void localOrganizationGetsRequestedTasksOfTheBpeSubscriptionAsJsonWithLogicalReferences() throws Exception
	{
		// the process that lets remote organizations send the local organization startPing with DSF's Task profile
		ActivityDefinition process = new ActivityDefinition();
		process.setUrl(Processes.PROCESS_URL).setVersion(Processes.PROCESS_VERSION).setStatus(PublicationStatus.ACTIVE);
		process.addExtension(Processes.authorization(Processes.MESSAGE_NAME, TASK_BASE,
				List.of(Processes.remoteAll()), List.of(Processes.localAll())));
		create(Tags.tagged(process, Tags.all()));
		String subscriptionId = storedSubscription("Task?status=requested");

		try (WebSocketTestClient client = connect(ServerFixture.LOCAL))
		{
			assertThat(client.bind(subscriptionId)).isEqualTo("bound " + subscriptionId);

			Task draft = task(TaskStatus.DRAFT, ServerFixture.LOCAL);
			draft.addIdentifier().setSystem("http://dsf.dev/sid/task-identifier")
					.setValue(Processes.PROCESS_URL + "/" + Processes.PROCESS_VERSION + "/" + UUID.randomUUID());
			String draftId = create(draft);
			HttpsTestClient.Response created = remote.postJson("Task",
					task(TaskStatus.REQUESTED, ServerFixture.REMOTE));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			String requestedId = created.resource(Task.class).getIdElement().getIdPart();

			String message = client.next();
			Task delivered = FhirContexts.r4().newJsonParser().parseResource(Task.class, message);
			assertThat(delivered.getIdElement().getIdPart()).as("the draft Task %s must not be sent", draftId)
					.isEqualTo(requestedId);
			assertThat(delivered.getStatus()).isEqualTo(TaskStatus.REQUESTED);
			assertThat(delivered.getMeta().getVersionId()).isEqualTo("1");
			assertThat(delivered.getRequester().getIdentifier().getValue()).isEqualTo(ServerFixture.REMOTE);
			assertThat(delivered.getRequester().hasReference()).isFalse();
			assertThat(delivered.getRestriction().getRecipientFirstRep().hasReference()).isFalse();
			assertThat(message).doesNotContain("Organization/");

			// the server itself keeps the literal references it resolved
			Task stored = (Task) ((ResourceStore.Found) fixture.server.store().read("Task", requestedId)).resource();
			assertThat(stored.getRequester().getReference()).startsWith("Organization/");
		}
	}

	@Test
	void bothBpeSubscriptionsCanBeBoundOnOneSession() throws Exception
	{
		String tasks = storedSubscription("Task?status=requested");
		String questionnaireResponses = storedSubscription("QuestionnaireResponse?status=completed");

		try (WebSocketTestClient client = connect(ServerFixture.LOCAL))
		{
			assertThat(client.bind(tasks)).isEqualTo("bound " + tasks);
			assertThat(client.bind(questionnaireResponses)).isEqualTo("bound " + questionnaireResponses);
		}
	}

	// --- payloads

	@Test
	void xmlPayloadSendsTheResourceAsXml() throws Exception
	{
		String url = newUrl();
		String subscriptionId = subscription("Library?url=" + url, "application/fhir+xml");

		try (WebSocketTestClient client = connect(ServerFixture.LOCAL))
		{
			assertThat(client.bind(subscriptionId)).isEqualTo("bound " + subscriptionId);
			String libraryId = createLibrary(url);

			String message = client.next();
			assertThat(message).startsWith("<Library xmlns=\"http://hl7.org/fhir\">");
			Library delivered = FhirContexts.r4().newXmlParser().parseResource(Library.class, message);
			assertThat(delivered.getIdElement().getIdPart()).isEqualTo(libraryId);
			assertThat(delivered.getUrl()).isEqualTo(url);
		}
	}

	@Test
	void noPayloadSendsPingWithTheSubscriptionId() throws Exception
	{
		String url = newUrl();
		String subscriptionId = subscription("Library?url=" + url, null);

		try (WebSocketTestClient client = connect(ServerFixture.LOCAL))
		{
			assertThat(client.bind(subscriptionId)).isEqualTo("bound " + subscriptionId);
			createLibrary(url);
			createLibrary(url);

			assertThat(client.next()).isEqualTo("ping " + subscriptionId);
			assertThat(client.next()).isEqualTo("ping " + subscriptionId);
		}
	}

	@Test
	void updatesAreDeliveredLikeCreates() throws Exception
	{
		String url = newUrl();
		String subscriptionId = subscription("Library?url=" + url, "application/fhir+json");

		try (WebSocketTestClient client = connect(ServerFixture.LOCAL))
		{
			assertThat(client.bind(subscriptionId)).isEqualTo("bound " + subscriptionId);
			String id = createLibrary(url);
			Library created = FhirContexts.r4().newJsonParser().parseResource(Library.class, client.next());
			created.setDescription("second version");
			assertThat(local.putJson("Library/" + id, created).status()).isEqualTo(200);

			Library updated = FhirContexts.r4().newJsonParser().parseResource(Library.class, client.next());
			assertThat(updated.getMeta().getVersionId()).isEqualTo("2");
			assertThat(updated.getDescription()).isEqualTo("second version");
		}
	}

	private static Bundle transaction(Library... libraries)
	{
		Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
		for (Library library : libraries)
			bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(library).getRequest()
					.setMethod(HTTPVerb.POST).setUrl("Library");
		return bundle;
	}

	@Test
	void changesOfAFailedTransactionAreNotSentThoseOfASuccessfulOneAreSentInOrder() throws Exception
	{
		String url = newUrl();
		String subscriptionId = subscription("Library?url=" + url, "application/fhir+json");

		try (WebSocketTestClient client = connect(ServerFixture.LOCAL))
		{
			assertThat(client.bind(subscriptionId)).isEqualTo("bound " + subscriptionId);

			Library untagged = FhirServerRestTest.library(url);
			untagged.getMeta().getTag().clear();
			HttpsTestClient.Response failed = local.postJson("",
					transaction(FhirServerRestTest.library(url), untagged));
			assertThat(failed.status()).as(failed.body()).isEqualTo(403);
			assertThat(fixture.server.store().current("Library", r -> url.equals(((Library) r).getUrl()))).isEmpty();

			HttpsTestClient.Response succeeded = local.postJson("",
					transaction(FhirServerRestTest.library(url), FhirServerRestTest.library(url)));
			assertThat(succeeded.status()).as(succeeded.body()).isEqualTo(200);
			List<String> created = succeeded.resource(Bundle.class).getEntry().stream()
					.map(e -> new IdType(e.getResponse().getLocation()).getIdPart()).toList();

			List<String> received = new ArrayList<>();
			for (int i = 0; i < created.size(); i++)
				received.add(FhirContexts.r4().newJsonParser().parseResource(Library.class, client.next())
						.getIdElement().getIdPart());
			assertThat(received).containsExactlyElementsOf(created);
		}
	}

	// --- who may connect and bind

	@Test
	void remoteOrganizationIsClosedWithPolicyViolation() throws Exception
	{
		try (WebSocketTestClient client = connect(ServerFixture.REMOTE))
		{
			WebSocketTestClient.Close close = client.awaitClose();
			assertThat(close.code()).isEqualTo(1008);
			assertThat(close.reason()).isEqualTo("Forbidden");
		}
	}

	@Test
	void localPractitionerWithoutTheWebsocketRoleIsClosedWithPolicyViolation() throws Exception
	{
		try (WebSocketTestClient client = connect(reader))
		{
			assertThat(client.awaitClose().code()).isEqualTo(1008);
		}
	}

	@Test
	void certificateNotOnTheAllowListFailsTheHandshakeWith401()
	{
		assertThatThrownBy(() -> connect(fixture.unknownCertificate())).isInstanceOf(ExecutionException.class)
				.cause().isInstanceOf(WebSocketHandshakeException.class)
				.satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
						.isEqualTo(401));
	}

	@Test
	void unknownSubscriptionIsClosedWithCannotAccept() throws Exception
	{
		String unknown = UUID.randomUUID().toString();
		try (WebSocketTestClient client = connect(ServerFixture.LOCAL))
		{
			client.send("bind " + unknown);

			WebSocketTestClient.Close close = client.awaitClose();
			assertThat(close.code()).isEqualTo(1003);
			assertThat(close.reason()).isEqualTo("Subscription with " + unknown + " not found");
		}
	}

	@Test
	void otherTextIsIgnored() throws Exception
	{
		String subscriptionId = subscription("Library?url=" + newUrl(), null);
		try (WebSocketTestClient client = connect(ServerFixture.LOCAL))
		{
			client.send("hello");
			client.send("bind"); // no space, no id
			assertThat(client.bind(subscriptionId)).isEqualTo("bound " + subscriptionId);
		}
	}

	// --- read access

	@Test
	void resourcesTheBoundIdentityMayNotReadAreNotSent() throws Exception
	{
		String url = newUrl();
		String subscriptionId = subscription("Library?url=" + url, "application/fhir+json");

		try (WebSocketTestClient withoutRead = connect(watcher);
				WebSocketTestClient organization = connect(ServerFixture.LOCAL))
		{
			assertThat(withoutRead.bind(subscriptionId)).isEqualTo("bound " + subscriptionId);
			assertThat(organization.bind(subscriptionId)).isEqualTo("bound " + subscriptionId);
			String libraryId = createLibrary(url);

			assertThat(organization.next()).contains(libraryId);
			// everything queued has been written: a message for the watcher would be on its way by now
			await("undelivered messages", fixture.server.webSocket()::pendingMessages, 0);
			assertThat(withoutRead.poll(Duration.ofMillis(300))).isNull();
		}
	}

	// --- Subscription changes at run time

	@Test
	void subscriptionsThatAreSwitchedOffOrDeletedStopAtOnce() throws Exception
	{
		String urlOff = newUrl();
		String urlDeleted = newUrl();
		String urlSentinel = newUrl();
		String switchedOff = subscription("Library?url=" + urlOff, null);
		String deleted = subscription("Library?url=" + urlDeleted, null);
		String sentinel = subscription("Library?url=" + urlSentinel, null);

		try (WebSocketTestClient client = connect(ServerFixture.LOCAL))
		{
			for (String id : List.of(switchedOff, deleted, sentinel))
				assertThat(client.bind(id)).isEqualTo("bound " + id);
			createLibrary(urlOff);
			assertThat(client.next()).isEqualTo("ping " + switchedOff);

			Subscription off = local.get("Subscription/" + switchedOff, "Accept", "application/fhir+json")
					.resource(Subscription.class);
			off.setStatus(SubscriptionStatus.OFF);
			assertThat(local.putJson("Subscription/" + switchedOff, off).status()).isEqualTo(200);
			assertThat(local.send("DELETE", "Subscription/" + deleted, null).status()).isEqualTo(200);

			createLibrary(urlOff);
			createLibrary(urlDeleted);
			createLibrary(urlSentinel);
			assertThat(client.next()).isEqualTo("ping " + sentinel);
		}

		for (String gone : List.of(switchedOff, deleted))
			try (WebSocketTestClient client = connect(ServerFixture.LOCAL))
			{
				client.send("bind " + gone);
				assertThat(client.awaitClose().code()).isEqualTo(1003);
			}
	}

	// --- pings and clean-up

	@Test
	void serverSendsPingFramesAtTheConfiguredInterval() throws Exception
	{
		try (WebSocketTestClient client = connect(ServerFixture.LOCAL))
		{
			assertThat(client.nextPing()).hasSize(32);
			assertThat(client.nextPing()).hasSize(32);
		}
	}

	@Test
	void sessionsClosedByTheClientAreRemoved() throws Exception
	{
		String subscriptionId = subscription("Library?url=" + newUrl(), null);
		await("open sessions before", fixture.server.webSocket()::openSessions, 0);

		WebSocketTestClient client = connect(ServerFixture.LOCAL);
		assertThat(client.bind(subscriptionId)).isEqualTo("bound " + subscriptionId);
		assertThat(fixture.server.webSocket().openSessions()).isEqualTo(1);

		client.close();
		await("open sessions after the client closed", fixture.server.webSocket()::openSessions, 0);
	}

	// --- slow clients

	@Test
	void aStalledClientDelaysNeitherRestRequestsNorOtherSessions() throws Exception
	{
		String url = newUrl();
		String subscriptionId = subscription("Library?url=" + url, "application/fhir+json");
		String description = "x".repeat(512 * 1024);
		int count = 20;

		try (StalledWebSocketClient stalled = new StalledWebSocketClient(fixture.server.baseUrl(),
				fixture.certificates.organization(ServerFixture.LOCAL).client(), fixture.cas(), subscriptionId);
				WebSocketTestClient healthy = connect(ServerFixture.LOCAL))
		{
			assertThat(stalled.readText()).isEqualTo("bound " + subscriptionId);
			assertThat(healthy.bind(subscriptionId)).isEqualTo("bound " + subscriptionId);

			List<String> created = new ArrayList<>();
			for (int i = 0; i < count; i++)
			{
				Library library = FhirServerRestTest.library(url);
				library.setDescription(description);
				long start = System.nanoTime();
				created.add(create(library));
				assertThat(Duration.ofNanos(System.nanoTime() - start)).as("create %d", i)
						.isLessThan(Duration.ofSeconds(5));
			}

			List<String> received = new ArrayList<>();
			for (int i = 0; i < count; i++)
				received.add(FhirContexts.r4().newJsonParser().parseResource(Library.class, healthy.next())
						.getIdElement().getIdPart());
			assertThat(received).containsExactlyElementsOf(created);
			// 10 MB for a client that reads nothing: most of it still waits on the server
			assertThat(fixture.server.webSocket().pendingMessages()).isGreaterThan(count / 4);
		}
		// the stalled client's connection is gone, and so is its session
		await("open sessions", fixture.server.webSocket()::openSessions, 0);
	}

	// --- shutdown

	@Test
	void closingTheServerClosesItsSessionsWithGoingAway() throws Exception
	{
		ServerFixture own = new ServerFixture();
		WebSocketTestClient client;
		try
		{
			client = WebSocketTestClient.connect(own.server.baseUrl(),
					own.certificates.organization(ServerFixture.LOCAL).client(), own.cas());
			String subscriptionId = storedSubscription(own, "Task?status=requested");
			assertThat(client.bind(subscriptionId)).isEqualTo("bound " + subscriptionId);
		}
		finally
		{
			own.close();
		}
		assertThat(client.awaitClose().code()).isEqualTo(1001);
		assertThat(own.server.webSocket().openSessions()).isZero();
	}

	private static String storedSubscription(ServerFixture server, String criteria)
	{
		return server.server.store().current("Subscription", r -> criteria.equals(((Subscription) r).getCriteria()))
				.get(0).getIdElement().getIdPart();
	}
}
