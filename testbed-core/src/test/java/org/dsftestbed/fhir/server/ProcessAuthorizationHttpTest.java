package org.dsftestbed.fhir.server;

import static org.dsftestbed.fhir.server.AuthorizationTestServer.PARENT;
import static org.dsftestbed.fhir.server.ServerFixture.LOCAL;
import static org.dsftestbed.fhir.server.ServerFixture.OTHER_REMOTE;
import static org.dsftestbed.fhir.server.ServerFixture.REMOTE;

import java.util.List;
import java.util.stream.Stream;

import org.dsftestbed.fhir.authorization.Network;
import org.dsftestbed.fhir.authorization.Processes;
import org.dsftestbed.fhir.authorization.process.ProcessAuthorizations;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Process authorization over HTTPS (spec §3.3): for every requester code (LOCAL_* and REMOTE_* × ALL, ORGANIZATION,
 * ROLE, and the practitioner codes) and every recipient code, which caller the receiving server's ActivityDefinition
 * admits to create a requested Task, and which it refuses; plus message-name and Task-profile matching. Each case runs
 * against a process of its own.
 */
class ProcessAuthorizationHttpTest
{
	private static final String ADMIN = "admin";
	private static final String DIC_USER = "dic-user";

	private static AuthorizationTestServer server;

	@BeforeAll
	static void start() throws Exception
	{
		server = AuthorizationTestServer.start(new AuthorizationTestServer.Practitioner(ADMIN, Network.DSF_ADMIN),
				new AuthorizationTestServer.Practitioner(DIC_USER, Network.DIC_USER));
	}

	@AfterAll
	static void stop()
	{
		server.close();
	}

	/** One caller's Task against an ActivityDefinition with one requester and one recipient entry. */
	record Case(String description, Coding requester, Coding recipient, String caller, boolean allowed)
	{
		@Override
		public String toString()
		{
			return description + (allowed ? " admits " : " refuses ") + caller;
		}
	}

	private static Case requester(Coding requester, String caller, boolean allowed)
	{
		String description = requester.getCode() + requester.getExtension().stream().map(ProcessAuthorizationHttpTest::describe)
				.reduce("", String::concat);
		return new Case(description, requester, Processes.localAll(), caller, allowed);
	}

	private static String describe(Extension extension)
	{
		if (extension.getValue() instanceof Identifier identifier)
			return " " + identifier.getValue();
		if (extension.getValue() instanceof Coding coding)
			return " " + coding.getCode();
		return extension.getExtension().stream().map(ProcessAuthorizationHttpTest::describe).reduce("", String::concat);
	}

	static Stream<Case> requesters()
	{
		return Stream.of(
				requester(Processes.localAll(), LOCAL, true),
				requester(Processes.localAll(), REMOTE, false),
				requester(Processes.localAll(), ADMIN, false),

				requester(Processes.localOrganization(LOCAL), LOCAL, true),
				requester(Processes.localOrganization(REMOTE), LOCAL, false),
				requester(Processes.localOrganization(REMOTE), REMOTE, false),

				requester(Processes.localRole(PARENT, "DIC"), LOCAL, true),
				requester(Processes.localRole(PARENT, "HRP"), LOCAL, false),
				requester(Processes.localRole(PARENT, "HRP"), REMOTE, false),

				requester(Processes.remoteAll(), REMOTE, true),
				requester(Processes.remoteAll(), OTHER_REMOTE, true),
				requester(Processes.remoteAll(), LOCAL, false),

				requester(Processes.remoteOrganization(REMOTE), REMOTE, true),
				requester(Processes.remoteOrganization(REMOTE), OTHER_REMOTE, false),
				requester(Processes.remoteOrganization(LOCAL), LOCAL, false),

				requester(Processes.remoteRole(PARENT, "HRP"), REMOTE, true),
				requester(Processes.remoteRole(PARENT, "HRP"), OTHER_REMOTE, false),
				requester(Processes.remoteRole(PARENT, "DIC"), LOCAL, false),

				requester(Processes.localAllPractitioner(Network.DSF_ADMIN), ADMIN, true),
				requester(Processes.localAllPractitioner(Network.DSF_ADMIN), DIC_USER, false),
				requester(Processes.localAllPractitioner(Network.DSF_ADMIN), LOCAL, false),

				requester(Processes.localOrganizationPractitioner(LOCAL, Network.DIC_USER), DIC_USER, true),
				requester(Processes.localOrganizationPractitioner(LOCAL, Network.DIC_USER), ADMIN, false),
				requester(Processes.localOrganizationPractitioner(REMOTE, Network.DIC_USER), DIC_USER, false),
				requester(Processes.localOrganizationPractitioner(LOCAL, Network.DIC_USER), LOCAL, false),

				requester(Processes.localRolePractitioner(PARENT, "DIC", Network.DIC_USER), DIC_USER, true),
				requester(Processes.localRolePractitioner(PARENT, "DIC", Network.DIC_USER), ADMIN, false),
				requester(Processes.localRolePractitioner(PARENT, "HRP", Network.DIC_USER), DIC_USER, false),
				requester(Processes.localRolePractitioner(PARENT, "DIC", Network.DIC_USER), LOCAL, false));
	}

	static Stream<Case> recipients()
	{
		return Stream.of(
				new Case("recipient LOCAL_ALL", Processes.remoteAll(), Processes.localAll(), REMOTE, true),
				new Case("recipient LOCAL_ORGANIZATION " + LOCAL, Processes.remoteAll(),
						Processes.localOrganization(LOCAL), REMOTE, true),
				new Case("recipient LOCAL_ORGANIZATION " + OTHER_REMOTE, Processes.remoteAll(),
						Processes.localOrganization(OTHER_REMOTE), REMOTE, false),
				new Case("recipient LOCAL_ROLE DIC", Processes.remoteAll(), Processes.localRole(PARENT, "DIC"), REMOTE,
						true),
				new Case("recipient LOCAL_ROLE COS", Processes.remoteAll(), Processes.localRole(PARENT, "COS"), REMOTE,
						false));
	}

	private static HttpsTestClient client(String caller)
	{
		return switch (caller)
		{
			case LOCAL -> server.local;
			case REMOTE -> server.remote;
			case OTHER_REMOTE -> server.otherRemote;
			default -> server.practitioner(caller);
		};
	}

	/** Practitioners request on behalf of their organization, the local one. */
	private static String organizationOf(String caller)
	{
		return caller.endsWith(".dsf.test") ? caller : LOCAL;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("requesters")
	void requesterEntryDecidesWhoMayRequest(Case c) throws Exception
	{
		assertDecided(c, "is not an authorized requester");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("recipients")
	void recipientEntryMustAdmitTheLocalOrganization(Case c) throws Exception
	{
		assertDecided(c, "the local organization is not an authorized recipient");
	}

	private static void assertDecided(Case c, String refusal) throws Exception
	{
		TestProcess process = TestProcess.unique();
		server.create(server.local, process.activityDefinition(c.requester(), c.recipient()));
		Task task = process.requested(organizationOf(c.caller()), LOCAL);

		if (c.allowed())
			server.create(client(c.caller()), task);
		else
			server.assertCreateRefused(client(c.caller()), task, refusal);
	}

	@Test
	void remoteRoleCountsOnlyWithAnActiveAffiliation() throws Exception
	{
		TestProcess process = TestProcess.unique();
		server.create(server.local, process.activityDefinition(Processes.remoteRole(PARENT, "HRP"), Processes.localAll()));

		server.whileAffiliationInactive(REMOTE, () -> server.assertCreateRefused(server.remote,
				process.requested(REMOTE, LOCAL), "is not an authorized requester"));

		server.create(server.remote, process.requested(REMOTE, LOCAL));
	}

	@Test
	void messageNameMustBeAuthorized() throws Exception
	{
		TestProcess process = TestProcess.unique();
		server.create(server.local, process.activityDefinition(Processes.remoteAll(), Processes.localAll()));
		Task otherMessage = process.requested(REMOTE, LOCAL);
		otherMessage.getInputFirstRep().setValue(new StringType("otherMessage"));

		server.assertCreateRefused(server.remote, otherMessage, "no process authorization for message-name");
	}

	@Test
	void taskProfileWithoutVersionMatchesTheVersionedProfileOfTheAuthorization() throws Exception
	{
		TestProcess process = TestProcess.unique();
		server.create(server.local, process.activityDefinition(Processes.remoteAll(), Processes.localAll()));
		String unversioned = TestProcess.TASK_PROFILE.substring(0, TestProcess.TASK_PROFILE.indexOf('|'));

		Task withoutVersion = process.requested(REMOTE, LOCAL);
		withoutVersion.getMeta().setProfile(List.of(new CanonicalType(unversioned)));
		server.create(server.remote, withoutVersion);

		Task otherVersion = process.requested(REMOTE, LOCAL);
		otherVersion.getMeta().setProfile(List.of(new CanonicalType(unversioned + "|0.9.0")));
		server.assertCreateRefused(server.remote, otherVersion, "no process authorization");
	}

	@Test
	void versionedTaskProfileDoesNotMatchAnUnversionedAuthorization() throws Exception
	{
		TestProcess process = TestProcess.unique();
		String unversioned = TestProcess.TASK_PROFILE.substring(0, TestProcess.TASK_PROFILE.indexOf('|'));
		ActivityDefinition activityDefinition = process.activityDefinition(Processes.remoteAll(),
				Processes.localAll());
		activityDefinition.getExtensionByUrl(ProcessAuthorizations.EXTENSION)
				.getExtensionByUrl(ProcessAuthorizations.TASK_PROFILE).setValue(new CanonicalType(unversioned));
		server.create(server.local, activityDefinition);

		server.assertCreateRefused(server.remote, process.requested(REMOTE, LOCAL), "no process authorization");
	}
}
