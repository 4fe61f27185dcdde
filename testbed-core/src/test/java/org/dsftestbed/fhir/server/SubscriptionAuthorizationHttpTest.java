package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.dsftestbed.fhir.authorization.Tags;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions over HTTPS (spec §3.2, §4.4): a websocket channel, payload absent or FHIR JSON/XML, criteria
 * {@code Type?params} of a served type with supported parameters; unique by criteria, channel type and payload,
 * which an update must not change.
 */
class SubscriptionAuthorizationHttpTest
{
	private static AuthorizationTestServer server;

	@BeforeAll
	static void start() throws Exception
	{
		server = AuthorizationTestServer.start();
	}

	@AfterAll
	static void stop()
	{
		server.close();
	}

	private static Subscription subscription(String criteria, String payload)
	{
		Subscription subscription = new Subscription().setStatus(SubscriptionStatus.ACTIVE).setReason("test")
				.setCriteria(criteria);
		subscription.getChannel().setType(SubscriptionChannelType.WEBSOCKET).setPayload(payload);
		return Tags.tagged(subscription, Tags.local());
	}

	private static String newCriteria()
	{
		return "Library?url=" + AuthorizationTestServer.unique(TestResources.EXAMPLE + "Library/");
	}

	@Test
	void websocketSubscriptionWithJsonXmlOrNoPayloadIsCreatedOncePerPayload() throws Exception
	{
		String criteria = newCriteria();
		server.create(server.local, subscription(criteria, "application/fhir+json"));
		server.create(server.local, subscription(criteria, "application/fhir+xml"));
		server.create(server.local, subscription(criteria, null));

		server.assertCreateRefused(server.local, subscription(criteria, "application/fhir+json"), "already exists");
		server.assertCreateRefused(server.local, subscription(criteria, null), "already exists");
	}

	@Test
	void criteriaWithAModifierIsAccepted() throws Exception
	{
		// as DSF's own test setup subscribes to the Tasks of a profile
		server.create(server.local, subscription(
				"Task?status=requested&_profile:below=" + AuthorizationTestServer.unique(TestResources.EXAMPLE), null));
	}

	@Test
	void otherChannelOrPayloadIsRefused() throws Exception
	{
		Subscription restHook = subscription(newCriteria(), "application/fhir+json");
		restHook.getChannel().setType(SubscriptionChannelType.RESTHOOK).setEndpoint("https://example.org/hook");
		server.assertCreateRefused(server.local, restHook, "websocket");

		server.assertCreateRefused(server.local, subscription(newCriteria(), "text/plain"), "payload");
	}

	@Test
	void criteriaOfAnUnservedTypeOrWithUnsupportedParametersIsRefused() throws Exception
	{
		server.assertCreateRefused(server.local, subscription("Account?status=active", null), "not supported");
		server.assertCreateRefused(server.local, subscription(newCriteria() + "&no-such-parameter=1", null),
				"not supported");
		server.assertCreateRefused(server.local, subscription("Library/some-id", null), "criteria invalid");
	}

	@Test
	void remoteOrganizationsCreateNoSubscriptions() throws Exception
	{
		server.assertCreateRefused(server.remote, subscription(newCriteria(), null),
				"may only be created by local identities");
	}

	@Test
	void updateKeepsCriteriaChannelTypeAndPayload() throws Exception
	{
		Subscription created = server.create(server.local, subscription(newCriteria(), "application/fhir+json"));

		server.assertUpdateRefused(server.local, created.copy().setCriteria(newCriteria()), "must not change");
		Subscription otherPayload = created.copy();
		otherPayload.getChannel().setPayload("application/fhir+xml");
		server.assertUpdateRefused(server.local, otherPayload, "must not change");

		Subscription off = server.update(server.local, created.copy().setStatus(SubscriptionStatus.OFF));
		assertThat(off.getStatus()).isEqualTo(SubscriptionStatus.OFF);
	}
}
