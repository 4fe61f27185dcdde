package org.dsftestbed.fhir.authorization;

import static org.dsftestbed.fhir.authorization.Decisions.assertAllowed;
import static org.dsftestbed.fhir.authorization.Decisions.assertRefused;

import org.hl7.fhir.r4.model.Endpoint;
import org.junit.jupiter.api.Test;

/** Spec §2.3/§3.2/§10: Endpoint — identifier, https address, uniqueness. */
class EndpointAuthorizationRuleTest
{
	private static final String RULE = "EndpointAuthorizationRule";

	private final Network network = new Network();
	private final EndpointAuthorizationRule rule = new EndpointAuthorizationRule();

	private Decision create(String identifier, String address)
	{
		return rule.create(network.localOrganization, Network.endpoint(null, identifier, address), network.context);
	}

	@Test
	void httpsEndpointMayBeCreated()
	{
		assertAllowed(create("ttp.test", "https://ttp.test/fhir"));
		assertAllowed(create("ttp.test", "https://ttp.test:8443/fhir"));
	}

	@Test
	void fiveDigitPortIsAcceptedAsTheRunningServerDoes()
	{
		assertAllowed(create("ttp.test", "https://ttp.test:18443/fhir"));
	}

	@Test
	void addressMustBeHttps()
	{
		assertRefused(create("ttp.test", "http://ttp.test/fhir"), RULE, "Endpoint.address http://ttp.test/fhir not matching");
		assertRefused(create("ttp.test", "https://ttp.test/fhir?x=1"), RULE, "not matching");
	}

	@Test
	void exactlyOneEndpointIdentifierIsRequired()
	{
		Endpoint endpoint = Network.endpoint(null, "ttp.test", "https://ttp.test/fhir");
		endpoint.getIdentifier().clear();
		assertRefused(rule.create(network.localOrganization, endpoint, network.context), RULE,
				"exactly one with system http://dsf.dev/sid/endpoint-identifier");
	}

	@Test
	void addressAndIdentifierMustBeUnique()
	{
		assertRefused(create("ttp.test", "https://cos.test/fhir"), RULE,
				"address https://cos.test/fhir already exists");
		assertRefused(create("cos.test", "https://ttp.test/fhir"), RULE, "identifier cos.test already exists");
	}

	@Test
	void updateKeepsAddressAndIdentifier()
	{
		assertAllowed(rule.update(network.localOrganization, network.cosEndpoint,
				Network.endpoint("cos-endpoint", "cos.test", "https://cos.test/fhir"), network.context));
		assertRefused(rule.update(network.localOrganization, network.cosEndpoint,
				Network.endpoint("cos-endpoint", "cos.test", "https://cos.test/fhir2"), network.context), RULE,
				"address must not change");
		assertRefused(rule.update(network.localOrganization, network.cosEndpoint,
				Network.endpoint("cos-endpoint", "cos2.test", "https://cos.test/fhir"), network.context), RULE,
				"identifier must not change");
	}
}
