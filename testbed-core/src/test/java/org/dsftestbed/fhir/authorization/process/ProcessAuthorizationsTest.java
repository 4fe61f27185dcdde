package org.dsftestbed.fhir.authorization.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.authorization.Processes.localAll;
import static org.dsftestbed.fhir.authorization.Processes.localAllPractitioner;
import static org.dsftestbed.fhir.authorization.Processes.localOrganization;
import static org.dsftestbed.fhir.authorization.Processes.localOrganizationPractitioner;
import static org.dsftestbed.fhir.authorization.Processes.localRole;
import static org.dsftestbed.fhir.authorization.Processes.localRolePractitioner;
import static org.dsftestbed.fhir.authorization.Processes.remoteAll;
import static org.dsftestbed.fhir.authorization.Processes.remoteOrganization;
import static org.dsftestbed.fhir.authorization.Processes.remoteRole;

import java.util.List;

import org.dsftestbed.fhir.authorization.Network;
import org.dsftestbed.fhir.authorization.Processes;
import org.dsftestbed.fhir.identity.Identity;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** Spec §3.3: process-authorization extensions — validity, requester/recipient codes, task-profile matching. */
class ProcessAuthorizationsTest
{
	private final Network network = new Network();

	// --- validity

	@Test
	void eachCodeWithItsExtensionIsValidAsRequester()
	{
		ActivityDefinition activityDefinition = Processes.ping(
				List.of(localAll(), localAllPractitioner(Network.DSF_ADMIN), remoteAll(),
						localOrganization(Network.DIC), localOrganizationPractitioner(Network.DIC, Network.DIC_USER),
						remoteOrganization(Network.COS), localRole(Network.PARENT, "DIC"),
						localRolePractitioner(Network.PARENT, "DIC", Network.DIC_USER), remoteRole(Network.PARENT, "COS")),
				List.of(localAll(), localOrganization(Network.DIC), localRole(Network.PARENT, "DIC")));

		assertThat(ProcessAuthorizations.problems(activityDefinition)).isEmpty();
	}

	@Test
	void activityDefinitionWithoutAuthorizationIsInvalid()
	{
		assertThat(ProcessAuthorizations.problems(new ActivityDefinition())).singleElement().asString()
				.contains("at least one expected");
	}

	@Test
	void remoteAndPractitionerCodesAreInvalidAsRecipient()
	{
		for (Coding recipient : List.of(remoteAll(), remoteOrganization(Network.COS), remoteRole(Network.PARENT, "COS"),
				localAllPractitioner(Network.DSF_ADMIN)))
			assertThat(ProcessAuthorizations.problems(Processes.ping(localAll(), recipient)))
					.as(recipient.getCode()).singleElement().asString().contains("invalid recipient");
	}

	@Test
	void organizationCodeWithoutOrganizationExtensionIsInvalid()
	{
		Coding requester = remoteOrganization(Network.COS);
		requester.getExtension().clear();
		assertThat(ProcessAuthorizations.problems(Processes.ping(requester, localAll()))).singleElement().asString()
				.contains("invalid requester");
	}

	@Test
	void roleCodeWithoutRoleIsInvalid()
	{
		Coding requester = remoteRole(Network.PARENT, "COS");
		requester.getExtensionFirstRep().getExtension()
				.removeIf(e -> PartyCoding.ORGANIZATION_ROLE.equals(e.getUrl()));
		assertThat(ProcessAuthorizations.problems(Processes.ping(requester, localAll()))).isNotEmpty();
	}

	@Test
	void practitionerCodeWithoutPractitionerRoleIsInvalid()
	{
		Coding requester = localAllPractitioner(Network.DSF_ADMIN);
		requester.getExtension().clear();
		assertThat(ProcessAuthorizations.problems(Processes.ping(requester, localAll()))).isNotEmpty();
	}

	@Test
	void unknownCodeIsInvalid()
	{
		Coding unknown = new Coding(ProcessAuthorizationCode.SYSTEM, "EVERYONE", null);
		assertThat(ProcessAuthorizations.problems(Processes.ping(unknown, localAll()))).isNotEmpty();
	}

	@Test
	void authorizationNeedsRequesterAndRecipient()
	{
		ActivityDefinition activityDefinition = Processes.ping(List.of(), List.of());
		assertThat(ProcessAuthorizations.problems(activityDefinition)).hasSize(2)
				.anySatisfy(p -> assertThat(p).contains("at least one requester"))
				.anySatisfy(p -> assertThat(p).contains("at least one recipient"));
	}

	@Test
	void authorizationNeedsExactlyOneMessageName()
	{
		ActivityDefinition activityDefinition = Processes.ping(localAll(), localAll());
		activityDefinition.getExtension().get(0).addExtension(ProcessAuthorizations.MESSAGE_NAME,
				new StringType("another"));
		assertThat(ProcessAuthorizations.problems(activityDefinition)).singleElement().asString()
				.contains("exactly one message-name");
	}

	@Test
	void blankMessageNameIsInvalid()
	{
		ActivityDefinition activityDefinition = new ActivityDefinition();
		activityDefinition.addExtension(
				Processes.authorization(" ", Processes.TASK_PROFILE, List.of(localAll()), List.of(localAll())));
		assertThat(ProcessAuthorizations.problems(activityDefinition)).isNotEmpty();
	}

	@Test
	void authorizationNeedsExactlyOneTaskProfile()
	{
		ActivityDefinition activityDefinition = Processes.ping(localAll(), localAll());
		activityDefinition.getExtension().get(0).getExtension()
				.removeIf(e -> ProcessAuthorizations.TASK_PROFILE.equals(e.getUrl()));
		assertThat(ProcessAuthorizations.problems(activityDefinition)).singleElement().asString()
				.contains("exactly one task-profile");
	}

	@Test
	void messageNamesMustBeUnique()
	{
		ActivityDefinition activityDefinition = Processes.ping(localAll(), localAll());
		Extension second = Processes.authorization(Processes.MESSAGE_NAME, Processes.TASK_PROFILE + "-other",
				List.of(remoteAll()), List.of(localAll()));
		activityDefinition.addExtension(second);
		assertThat(ProcessAuthorizations.problems(activityDefinition)).singleElement().asString()
				.contains("duplicates [" + Processes.MESSAGE_NAME + "]");
	}

	// --- which identities each code admits

	private boolean requester(Coding code, Identity identity)
	{
		ActivityDefinition activityDefinition = Processes.ping(code, localAll());
		return ProcessAuthorizations.forMessage(activityDefinition, Processes.MESSAGE_NAME, List.of(Processes.TASK_PROFILE))
				.orElseThrow().admitsRequester(identity, network.context);
	}

	private boolean recipient(Coding code, Identity identity)
	{
		ActivityDefinition activityDefinition = Processes.ping(localAll(), code);
		return ProcessAuthorizations.forMessage(activityDefinition, Processes.MESSAGE_NAME, List.of(Processes.TASK_PROFILE))
				.orElseThrow().admitsRecipient(identity, network.context);
	}

	@Test
	void localAllAdmitsTheLocalOrganizationOnly()
	{
		assertThat(requester(localAll(), network.localOrganization)).isTrue();
		assertThat(requester(localAll(), network.localAdmin)).isFalse();
		assertThat(requester(localAll(), network.remoteCos)).isFalse();
		assertThat(recipient(localAll(), network.localOrganization)).isTrue();
	}

	@Test
	void localAllPractitionerAdmitsLocalPractitionersWithTheRole()
	{
		Coding code = localAllPractitioner(Network.DSF_ADMIN);
		assertThat(requester(code, network.localAdmin)).isTrue();
		assertThat(requester(code, network.localUserWithoutRole)).isFalse();
		assertThat(requester(code, network.localOrganization)).isFalse();
	}

	@Test
	void remoteAllAdmitsActiveRemoteOrganizations()
	{
		assertThat(requester(remoteAll(), network.remoteCos)).isTrue();
		assertThat(requester(remoteAll(), network.remoteOld)).as("inactive organization").isFalse();
		assertThat(requester(remoteAll(), network.localOrganization)).isFalse();
	}

	@Test
	void localOrganizationAdmitsTheNamedLocalOrganization()
	{
		assertThat(requester(localOrganization(Network.DIC), network.localOrganization)).isTrue();
		assertThat(requester(localOrganization(Network.COS), network.localOrganization)).isFalse();
		assertThat(requester(localOrganization(Network.COS), network.remoteCos)).as("remote identity").isFalse();
		assertThat(recipient(localOrganization(Network.DIC), network.localOrganization)).isTrue();
		assertThat(recipient(localOrganization(Network.HRP), network.localOrganization)).isFalse();
	}

	@Test
	void localOrganizationPractitionerAdmitsPractitionersOfThatOrganizationWithTheRole()
	{
		assertThat(requester(localOrganizationPractitioner(Network.DIC, Network.DSF_ADMIN), network.localAdmin))
				.isTrue();
		assertThat(requester(localOrganizationPractitioner(Network.DIC, Network.DIC_USER), network.localAdmin))
				.isFalse();
		assertThat(requester(localOrganizationPractitioner(Network.COS, Network.DSF_ADMIN), network.localAdmin))
				.isFalse();
	}

	@Test
	void remoteOrganizationAdmitsTheNamedRemoteOrganization()
	{
		assertThat(requester(remoteOrganization(Network.COS), network.remoteCos)).isTrue();
		assertThat(requester(remoteOrganization(Network.COS), network.remoteHrp)).isFalse();
		assertThat(requester(remoteOrganization(Network.OLD), network.remoteOld)).as("inactive").isFalse();
	}

	@Test
	void localRoleAdmitsTheLocalOrganizationWithThatRole()
	{
		assertThat(requester(localRole(Network.PARENT, "DIC"), network.localOrganization)).isTrue();
		assertThat(requester(localRole(Network.PARENT, "COS"), network.localOrganization)).isFalse();
		assertThat(recipient(localRole(Network.PARENT, "DIC"), network.localOrganization)).isTrue();
		assertThat(recipient(localRole(Network.PARENT, "TTP"), network.localOrganization)).isFalse();
	}

	@Test
	void localRolePractitionerAdmitsPractitionersOfAMemberWithTheRole()
	{
		assertThat(requester(localRolePractitioner(Network.PARENT, "DIC", Network.DSF_ADMIN), network.localAdmin))
				.isTrue();
		assertThat(requester(localRolePractitioner(Network.PARENT, "DIC", Network.DSF_ADMIN),
				network.localUserWithoutRole)).isFalse();
		assertThat(requester(localRolePractitioner(Network.PARENT, "COS", Network.DSF_ADMIN), network.localAdmin))
				.isFalse();
	}

	@Test
	void remoteRoleAdmitsRemoteMembersWithTheRoleInAnActiveAffiliation()
	{
		assertThat(requester(remoteRole(Network.PARENT, "COS"), network.remoteCos)).isTrue();
		assertThat(requester(remoteRole(Network.PARENT, "COS"), network.remoteHrp)).isFalse();
		assertThat(requester(remoteRole(Network.PARENT, "TTP"), network.remoteHrp)).as("inactive affiliation")
				.isFalse();
	}

	@Test
	void roleCountsOnlyInTheNamedParent()
	{
		// Test_COS is TTP in the other parent only
		assertThat(requester(remoteRole(Network.PARENT, "TTP"), network.remoteCos)).isFalse();
	}

	@Test
	void remoteRoleDoesNotNeedAnActiveParent()
	{
		// DSF's role lookup for process authorization checks the affiliation and member, not the parent
		assertThat(requester(remoteRole(Network.INACTIVE_PARENT, "TTP"), network.remoteCos)).isTrue();
	}

	// --- finding the authorization for a Task

	@Test
	void taskProfileMatchesExactlyOrWithoutVersion()
	{
		ActivityDefinition activityDefinition = Processes.ping(localAll(), localAll());
		assertThat(ProcessAuthorizations.forMessage(activityDefinition, Processes.MESSAGE_NAME,
				List.of(Processes.TASK_PROFILE))).isPresent();
		assertThat(ProcessAuthorizations.forMessage(activityDefinition, Processes.MESSAGE_NAME,
				List.of(Processes.TASK_PROFILE_UNVERSIONED))).isPresent();
		assertThat(ProcessAuthorizations.forMessage(activityDefinition, Processes.MESSAGE_NAME,
				List.of(Processes.TASK_PROFILE_UNVERSIONED + "|0.x"))).isEmpty();
	}

	@Test
	void otherMessageNameFindsNoAuthorization()
	{
		assertThat(ProcessAuthorizations.forMessage(Processes.ping(localAll(), localAll()), "pong",
				List.of(Processes.TASK_PROFILE))).isEmpty();
	}

	@Test
	void instantiatesCanonicalNeedsDomainProcessPathAndMajorMinorVersion()
	{
		assertThat(InstantiatesCanonical.parse("http://dsf.dev/bpe/Process/ping|1.0"))
				.contains(new InstantiatesCanonical("http://dsf.dev/bpe/Process/ping", "1.0"));
		assertThat(InstantiatesCanonical.parse("https://medizininformatik-initiative.de/bpe/Process/data-send|12.3"))
				.isPresent();
		assertThat(InstantiatesCanonical.parse("http://dsf.dev/bpe/Process/ping|1.0.0")).isEmpty();
		assertThat(InstantiatesCanonical.parse("http://dsf.dev/bpe/Process/ping")).isEmpty();
		assertThat(InstantiatesCanonical.parse("http://localhost/bpe/Process/ping|1.0")).as("no dot").isEmpty();
		assertThat(InstantiatesCanonical.parse("http://dsf.dev/Process/ping|1.0")).isEmpty();
		assertThat(InstantiatesCanonical.parse("ftp://dsf.dev/bpe/Process/ping|1.0")).isEmpty();
	}
}
