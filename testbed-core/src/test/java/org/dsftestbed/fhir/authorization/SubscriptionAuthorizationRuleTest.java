package org.dsftestbed.fhir.authorization;

import static org.dsftestbed.fhir.authorization.Decisions.assertAllowed;
import static org.dsftestbed.fhir.authorization.Decisions.assertRefused;
import static org.dsftestbed.fhir.authorization.Tags.local;
import static org.dsftestbed.fhir.authorization.Tags.tagged;

import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;
import org.junit.jupiter.api.Test;

/** Spec §3.2/§4.4: Subscription — websocket, payload, criteria, uniqueness. */
class SubscriptionAuthorizationRuleTest
{
	private static final String RULE = "SubscriptionAuthorizationRule";

	private final Network network = new Network();
	private final SubscriptionAuthorizationRule rule = new SubscriptionAuthorizationRule();

	private static Subscription subscription(String criteria, SubscriptionChannelType type, String payload)
	{
		Subscription subscription = new Subscription().setCriteria(criteria).setStatus(SubscriptionStatus.ACTIVE);
		subscription.getChannel().setType(type).setPayload(payload);
		return tagged(subscription, local());
	}

	private Decision create(Subscription subscription)
	{
		return rule.create(network.localOrganization, subscription, network.context);
	}

	@Test
	void theBpeSubscriptionsMayBeCreated()
	{
		assertAllowed(create(subscription("Task?status=requested", SubscriptionChannelType.WEBSOCKET,
				"application/fhir+json")));
		assertAllowed(create(subscription("QuestionnaireResponse?status=completed", SubscriptionChannelType.WEBSOCKET,
				"application/fhir+json")));
		assertAllowed(create(subscription("Task?_profile:below=http://dsf.test/fhir/StructureDefinition/task-test",
				SubscriptionChannelType.WEBSOCKET, null)));
	}

	@Test
	void channelMustBeWebsocket()
	{
		assertRefused(create(subscription("Task?status=requested", SubscriptionChannelType.RESTHOOK,
				"application/fhir+json")), RULE, "channel.type not websocket");
	}

	@Test
	void payloadMustBeFhirJsonOrXmlIfPresent()
	{
		assertAllowed(create(subscription("Task?status=requested", SubscriptionChannelType.WEBSOCKET,
				"application/fhir+xml")));
		assertRefused(create(subscription("Task?status=completed", SubscriptionChannelType.WEBSOCKET,
				"application/json")), RULE, "payload application/json not one of");
	}

	@Test
	void criteriaMustNameAServedTypeAndSupportedParameters()
	{
		assertRefused(create(subscription("Observation?status=final", SubscriptionChannelType.WEBSOCKET, null)), RULE,
				"resource 'Observation' not supported");
		assertRefused(create(subscription("Task?colour=blue", SubscriptionChannelType.WEBSOCKET, null)), RULE,
				"parameters [colour] not supported");
		assertRefused(create(subscription("Task/123", SubscriptionChannelType.WEBSOCKET, null)), RULE,
				"criteria invalid ('Task/123')");
	}

	@Test
	void criteriaTypeAndPayloadMustBeUnique()
	{
		network.context.add(subscription("Task?status=requested", SubscriptionChannelType.WEBSOCKET,
				"application/fhir+json"));
		assertRefused(create(subscription("Task?status=requested", SubscriptionChannelType.WEBSOCKET,
				"application/fhir+json")), RULE, "already exists");
		assertAllowed(create(subscription("Task?status=requested", SubscriptionChannelType.WEBSOCKET, null)));
	}

	@Test
	void updateKeepsCriteriaTypeAndPayload()
	{
		Subscription old = network.context
				.add(subscription("Task?status=requested", SubscriptionChannelType.WEBSOCKET, "application/fhir+json"));
		Subscription off = subscription("Task?status=requested", SubscriptionChannelType.WEBSOCKET,
				"application/fhir+json").setStatus(SubscriptionStatus.OFF);
		assertAllowed(rule.update(network.localOrganization, old, off, network.context));
		assertRefused(rule.update(network.localOrganization, old,
				subscription("Task?status=completed", SubscriptionChannelType.WEBSOCKET, "application/fhir+json"),
				network.context), RULE, "must not change");
	}
}
