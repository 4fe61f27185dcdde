package org.dsftestbed.fhir.authorization;

import static org.dsftestbed.fhir.authorization.Decisions.assertAllowed;
import static org.dsftestbed.fhir.authorization.Decisions.assertRefused;
import static org.dsftestbed.fhir.authorization.Tags.all;
import static org.dsftestbed.fhir.authorization.Tags.local;
import static org.dsftestbed.fhir.authorization.Tags.organization;
import static org.dsftestbed.fhir.authorization.Tags.tagged;

import java.util.Set;

import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** Spec §3.2: Binary — read-access tag xor securityContext; read access of the security-context resource. */
class BinaryAuthorizationRuleTest
{
	private static final String RULE = "BinaryAuthorizationRule";

	private final Network network = new Network();
	private final BinaryAuthorizationRule rule = new BinaryAuthorizationRule(
			Set.of("DocumentReference", "Organization", "QuestionnaireResponse"));

	private final DocumentReference forCos = network.context
			.add(tagged(new DocumentReference(), local(), organization(Network.COS)));

	private static Binary binary()
	{
		return new Binary().setContentType("text/plain");
	}

	private static Binary withSecurityContext(Reference reference)
	{
		return binary().setSecurityContext(reference);
	}

	@Test
	void binaryWithReadAccessTagMayBeCreated()
	{
		assertAllowed(rule.create(network.localOrganization, tagged(binary(), all()), network.context));
	}

	@Test
	void binaryWithSecurityContextMayBeCreated()
	{
		assertAllowed(rule.create(network.localOrganization, withSecurityContext(Network.reference(forCos)),
				network.context));
		assertAllowed(rule.create(network.localOrganization,
				withSecurityContext(Network.logicalOrganization(Network.COS)), network.context));
	}

	@Test
	void binaryNeedsTagOrSecurityContext()
	{
		assertRefused(rule.create(network.localOrganization, binary(), network.context), RULE,
				"needs a valid read-access tag or a securityContext");
		assertRefused(rule.create(network.localOrganization,
				withSecurityContext(new Reference("DocumentReference/unknown")), network.context), RULE,
				"needs a valid read-access tag or a securityContext");
	}

	@Test
	void securityContextMustBeOfASupportedType()
	{
		Task task = network.context.add(new Task());
		assertRefused(rule.create(network.localOrganization, withSecurityContext(Network.reference(task)),
				network.context), RULE, "needs a valid read-access tag or a securityContext");
	}

	@Test
	void binaryMayNotHaveBothTagAndSecurityContext()
	{
		assertRefused(rule.create(network.localOrganization,
				tagged(withSecurityContext(Network.reference(forCos)), all()), network.context), RULE,
				"must not have both");
	}

	@Test
	void remoteOrganizationMayNotCreate()
	{
		assertRefused(rule.create(network.remoteCos, tagged(binary(), all()), network.context), RULE,
				"only be created by local identities");
	}

	@Test
	void readAccessComesFromTheSecurityContextResource()
	{
		Binary binary = network.context.add(withSecurityContext(Network.reference(forCos)));
		assertAllowed(rule.read(network.remoteCos, binary, network.context));
		assertAllowed(rule.read(network.localOrganization, binary, network.context));
		assertRefused(rule.read(network.remoteHrp, binary, network.context), RULE, "admits " + Network.HRP);
	}

	@Test
	void readAccessOfATaggedBinaryComesFromItsTag()
	{
		Binary binary = network.context.add(tagged(binary(), local()));
		assertAllowed(rule.read(network.localAdmin, binary, network.context));
		assertRefused(rule.read(network.remoteCos, binary, network.context), RULE, "admits " + Network.COS);
	}
}
