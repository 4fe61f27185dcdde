package org.dsftestbed.fhir.authorization.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.authorization.Tags.all;
import static org.dsftestbed.fhir.authorization.Tags.local;
import static org.dsftestbed.fhir.authorization.Tags.organization;
import static org.dsftestbed.fhir.authorization.Tags.role;
import static org.dsftestbed.fhir.authorization.Tags.tagged;

import org.dsftestbed.fhir.authorization.Network;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Library;
import org.junit.jupiter.api.Test;

/** Spec §3.1: validity and evaluation of read-access tags. */
class ReadAccessTagsTest
{
	private final Network network = new Network();

	private static Library library(Coding... tags)
	{
		return tagged(new Library(), tags);
	}

	// validity (create/update)
	@Test
	void allAloneIsValid()
	{
		assertThat(ReadAccessTags.problems(library(all()), network.context)).isEmpty();
	}

	@Test
	void localAloneIsValid()
	{
		assertThat(ReadAccessTags.problems(library(local()), network.context)).isEmpty();
	}

	@Test
	void localWithOrganizationAndRoleIsValid()
	{
		assertThat(ReadAccessTags.problems(
				library(local(), organization(Network.COS), role(Network.PARENT, "DIC")), network.context))
				.isEmpty();
	}

	@Test
	void allWithLocalIsAcceptedAsTheRunningServerDoes()
	{
		assertThat(ReadAccessTags.problems(library(all(), local()), network.context)).isEmpty();
	}

	@Test
	void noTagIsInvalid()
	{
		assertThat(ReadAccessTags.problems(library(), network.context)).singleElement().asString()
				.contains("no read-access tag");
	}

	@Test
	void tagsOfOtherSystemsDoNotCount()
	{
		assertThat(ReadAccessTags.problems(library(new Coding("http://example.org/tags", "ALL", null)),
				network.context)).isNotEmpty();
	}

	@Test
	void allWithOrganizationWithoutLocalIsInvalid()
	{
		assertThat(ReadAccessTags.problems(library(all(), organization(Network.COS)), network.context))
				.singleElement().asString().contains("exactly one ALL alone");
	}

	@Test
	void organizationWithoutLocalIsInvalid()
	{
		assertThat(ReadAccessTags.problems(library(organization(Network.COS)), network.context)).isNotEmpty();
	}

	@Test
	void twoLocalTagsAreInvalid()
	{
		assertThat(ReadAccessTags.problems(library(local(), local()), network.context)).isNotEmpty();
	}

	@Test
	void organizationTagNamingAnUnknownOrganizationIsInvalid()
	{
		assertThat(ReadAccessTags.problems(library(local(), organization("Unknown_Org")), network.context))
				.singleElement().asString().contains("unknown organization 'Unknown_Org'");
	}

	@Test
	void organizationTagWithoutExtensionIsInvalid()
	{
		Coding bare = new Coding(ReadAccessTags.SYSTEM, ReadAccessTags.ORGANIZATION, null);
		assertThat(ReadAccessTags.problems(library(local(), bare), network.context)).singleElement().asString()
				.contains("exactly one extension");
	}

	@Test
	void organizationTagWithForeignIdentifierSystemIsInvalid()
	{
		Coding tag = new Coding(ReadAccessTags.SYSTEM, ReadAccessTags.ORGANIZATION, null);
		tag.addExtension(ReadAccessTags.EXTENSION_ORGANIZATION,
				new Identifier().setSystem("http://example.org/sid").setValue(Network.COS));
		assertThat(ReadAccessTags.problems(library(local(), tag), network.context)).isNotEmpty();
	}

	@Test
	void roleTagWithUnknownParentIsInvalid()
	{
		assertThat(ReadAccessTags.problems(library(local(), role("unknown-parent.de", "DIC")), network.context))
				.singleElement().asString().contains("unknown organization 'unknown-parent.de'");
	}

	@Test
	void roleTagWithUnknownRoleCodeIsInvalid()
	{
		assertThat(ReadAccessTags.problems(library(local(), role(Network.PARENT, "XYZ")), network.context))
				.singleElement().asString().contains("unknown role");
	}

	@Test
	void roleTagWithoutRoleSubExtensionIsInvalid()
	{
		Coding tag = role(Network.PARENT, "DIC");
		tag.getExtensionFirstRep().getExtension()
				.removeIf(e -> ReadAccessTags.EXTENSION_ROLE_ORGANIZATION_ROLE.equals(e.getUrl()));
		assertThat(ReadAccessTags.problems(library(local(), tag), network.context)).singleElement().asString()
				.contains("sub-extensions");
	}

	// evaluation (read)
	@Test
	void allIsReadByRemoteOrganizations()
	{
		assertThat(ReadAccessTags.grantingTag(network.remoteCos, library(all()), network.context)).contains("ALL");
	}

	@Test
	void localIsReadByLocalIdentitiesOnly()
	{
		Library resource = library(local());
		assertThat(ReadAccessTags.grantingTag(network.localOrganization, resource, network.context))
				.contains("LOCAL");
		assertThat(ReadAccessTags.grantingTag(network.localAdmin, resource, network.context)).contains("LOCAL");
		assertThat(ReadAccessTags.grantingTag(network.remoteCos, resource, network.context)).isEmpty();
	}

	@Test
	void allWithLocalIsReadByRemoteOrganizations()
	{
		assertThat(ReadAccessTags.grantingTag(network.remoteHrp, library(all(), local()), network.context))
				.contains("ALL");
	}

	@Test
	void organizationIsReadByTheNamedOrganizationOnly()
	{
		Library resource = library(local(), organization(Network.COS));
		assertThat(ReadAccessTags.grantingTag(network.remoteCos, resource, network.context))
				.contains("ORGANIZATION " + Network.COS);
		assertThat(ReadAccessTags.grantingTag(network.remoteHrp, resource, network.context)).isEmpty();
	}

	@Test
	void organizationTagDoesNotAdmitAnInactiveOrganization()
	{
		assertThat(ReadAccessTags.grantingTag(network.remoteOld, library(local(), organization(Network.OLD)),
				network.context)).isEmpty();
	}

	@Test
	void roleIsReadByMembersWithThatRoleInAnActiveAffiliation()
	{
		Library resource = library(local(), role(Network.PARENT, "COS"));
		assertThat(ReadAccessTags.grantingTag(network.remoteCos, resource, network.context))
				.contains("ROLE " + Network.PARENT + "/COS");
		assertThat(ReadAccessTags.grantingTag(network.remoteHrp, resource, network.context)).isEmpty();
	}

	@Test
	void roleOfAnInactiveAffiliationDoesNotCount()
	{
		assertThat(ReadAccessTags.grantingTag(network.remoteHrp, library(local(), role(Network.PARENT, "TTP")),
				network.context)).isEmpty();
	}

	@Test
	void roleInAnInactiveParentDoesNotCount()
	{
		assertThat(ReadAccessTags.grantingTag(network.remoteCos,
				library(local(), role(Network.INACTIVE_PARENT, "TTP")), network.context)).isEmpty();
	}

	@Test
	void noTagAdmitsNobody()
	{
		assertThat(ReadAccessTags.grantingTag(network.localOrganization, library(), network.context)).isEmpty();
	}
}
