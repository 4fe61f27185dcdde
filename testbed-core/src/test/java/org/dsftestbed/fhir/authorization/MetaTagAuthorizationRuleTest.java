package org.dsftestbed.fhir.authorization;

import static org.dsftestbed.fhir.authorization.Decisions.assertAllowed;
import static org.dsftestbed.fhir.authorization.Decisions.assertRefused;
import static org.dsftestbed.fhir.authorization.Tags.all;
import static org.dsftestbed.fhir.authorization.Tags.local;
import static org.dsftestbed.fhir.authorization.Tags.organization;
import static org.dsftestbed.fhir.authorization.Tags.tagged;

import org.hl7.fhir.r4.model.Library;
import org.junit.jupiter.api.Test;

/**
 * Spec §3.1/§3.2: the behaviour shared by all tag-governed types, shown with Library (a type with no checks of its
 * own).
 */
class MetaTagAuthorizationRuleTest
{
	private static final String RULE = "LibraryAuthorizationRule";

	private final Network network = new Network();
	private final TaggedResourceAuthorizationRule<Library> rule = new TaggedResourceAuthorizationRule<>(Library.class);

	private Library stored(Library library)
	{
		return network.context.add(library);
	}

	@Test
	void localOrganizationAndLocalPractitionerMayCreate()
	{
		assertAllowed(rule.create(network.localOrganization, tagged(new Library(), all()), network.context));
		assertAllowed(rule.create(network.localAdmin, tagged(new Library(), local()), network.context));
	}

	@Test
	void remoteOrganizationMayNotCreate()
	{
		assertRefused(rule.create(network.remoteCos, tagged(new Library(), all()), network.context), RULE,
				"only be created by local identities");
	}

	@Test
	void createNeedsAValidReadAccessTag()
	{
		assertRefused(rule.create(network.localOrganization, new Library(), network.context), RULE,
				"no read-access tag");
		assertRefused(rule.create(network.localOrganization, tagged(new Library(), local(), organization("Nobody")),
				network.context), RULE, "unknown organization 'Nobody'");
	}

	@Test
	void localIdentityMayUpdateWithValidTags()
	{
		Library old = stored(tagged(new Library(), all()));
		assertAllowed(rule.update(network.localOrganization, old, tagged(new Library(), local()), network.context));
	}

	@Test
	void updateNeedsLocalIdentityAndValidTags()
	{
		Library old = stored(tagged(new Library(), all()));
		assertRefused(rule.update(network.remoteCos, old, tagged(new Library(), all()), network.context), RULE,
				"only be updated by local identities");
		assertRefused(rule.update(network.localOrganization, old, new Library(), network.context), RULE,
				"no read-access tag");
	}

	@Test
	void onlyLocalIdentitiesMayDelete()
	{
		Library old = stored(tagged(new Library(), all()));
		assertAllowed(rule.delete(network.localAdmin, old, network.context));
		assertRefused(rule.delete(network.remoteCos, old, network.context), RULE, "only be deleted by local identities");
	}

	@Test
	void permanentDeleteOnlyForLocalIdentities()
	{
		Library old = stored(tagged(new Library(), all()));
		assertAllowed(rule.permanentDelete(network.localOrganization, old, network.context));
		assertRefused(rule.permanentDelete(network.remoteCos, old, network.context), RULE, "local identities only");
	}

	@Test
	void readFollowsTheTags()
	{
		Library forAll = stored(tagged(new Library(), all()));
		Library localOnly = stored(tagged(new Library(), local()));
		Library forCos = stored(tagged(new Library(), local(), organization(Network.COS)));

		assertAllowed(rule.read(network.remoteHrp, forAll, network.context));
		assertAllowed(rule.read(network.localOrganization, localOnly, network.context));
		assertRefused(rule.read(network.remoteHrp, localOnly, network.context), RULE,
				"no read-access tag of this Library admits " + Network.HRP);
		assertAllowed(rule.read(network.remoteCos, forCos, network.context));
		assertRefused(rule.read(network.remoteHrp, forCos, network.context), RULE, "admits " + Network.HRP);
	}
}
