package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.server.AuthorizationTestServer.PARENT;
import static org.dsftestbed.fhir.server.AuthorizationTestServer.path;

import java.util.List;
import java.util.stream.Stream;

import org.dsftestbed.fhir.authorization.Tags;
import org.dsftestbed.fhir.authorization.lookup.DsfIdentifiers;
import org.dsftestbed.fhir.authorization.read.ReadAccessTags;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Read-access tags over HTTPS (spec §3.1, §3.2): who reads, searches and sees in history a Library tagged ALL,
 * LOCAL, ORGANIZATION or ROLE, per version; which included resources a search shows; and which tag combinations a
 * create or update may carry. The server is dic.dsf.test; hrp.dsf.test (role HRP) and cos.dsf.test (role COS) are
 * the remote readers.
 */
class ReadAccessTagsHttpTest
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

	private static Library created(Coding... tags) throws Exception
	{
		return server.create(server.local, TestResources.library(tags));
	}

	private static String byUrl(Library library)
	{
		return "Library?url=" + library.getUrl();
	}

	@Test
	void allIsReadAndFoundByLocalAndEveryRemoteOrganization() throws Exception
	{
		Library library = created(Tags.all());

		for (HttpsTestClient caller : List.of(server.local, server.remote, server.otherRemote))
		{
			assertThat(server.read(caller, path(library))).isEqualTo(200);
			assertThat(server.search(caller, byUrl(library))).containsExactly(path(library));
		}
	}

	@Test
	void localIsReadByTheLocalOrganizationOnlyAndHiddenFromRemoteSearches() throws Exception
	{
		Library library = created(Tags.local());

		assertThat(server.read(server.local, path(library))).isEqualTo(200);
		assertThat(server.search(server.local, byUrl(library))).containsExactly(path(library));

		for (HttpsTestClient caller : List.of(server.remote, server.otherRemote))
		{
			server.assertReadRefused(caller, path(library));
			server.assertReadRefused(caller, path(library) + "/_history/1");
			assertThat(server.search(caller, byUrl(library))).isEmpty();
		}
	}

	@Test
	void organizationAdmitsTheNamedRemoteOrganizationOnly() throws Exception
	{
		Library library = created(Tags.local(), Tags.organization(ServerFixture.REMOTE));

		assertThat(server.read(server.local, path(library))).isEqualTo(200);
		assertThat(server.read(server.remote, path(library))).isEqualTo(200);
		assertThat(server.search(server.remote, byUrl(library))).containsExactly(path(library));

		server.assertReadRefused(server.otherRemote, path(library));
		assertThat(server.search(server.otherRemote, byUrl(library))).isEmpty();
	}

	@Test
	void roleAdmitsMembersWithThatRoleInTheParentOnly() throws Exception
	{
		Library library = created(Tags.local(), Tags.role(PARENT, "HRP"));

		assertThat(server.read(server.local, path(library))).isEqualTo(200);
		assertThat(server.read(server.remote, path(library))).as("hrp is HRP member").isEqualTo(200);
		assertThat(server.search(server.remote, byUrl(library))).containsExactly(path(library));

		server.assertReadRefused(server.otherRemote, path(library));
		assertThat(server.search(server.otherRemote, byUrl(library))).as("cos is COS member only").isEmpty();
	}

	@Test
	void severalTagsAdmitEachOfTheirReaders() throws Exception
	{
		Library library = created(Tags.local(), Tags.organization(ServerFixture.REMOTE), Tags.role(PARENT, "COS"));

		assertThat(server.read(server.remote, path(library))).isEqualTo(200);
		assertThat(server.read(server.otherRemote, path(library))).isEqualTo(200);
	}

	@Test
	void roleRequiresTheAffiliationToBeActive() throws Exception
	{
		Library library = created(Tags.local(), Tags.role(PARENT, "COS"));
		assertThat(server.read(server.otherRemote, path(library))).isEqualTo(200);

		server.whileAffiliationInactive(ServerFixture.OTHER_REMOTE, () ->
		{
			server.assertReadRefused(server.otherRemote, path(library));
			assertThat(server.search(server.otherRemote, byUrl(library))).isEmpty();
		});
		assertThat(server.read(server.otherRemote, path(library))).isEqualTo(200);
	}

	@Test
	void readAccessIsDecidedPerVersion() throws Exception
	{
		Library library = created(Tags.all());
		library.getMeta().getTag().clear();
		Library updated = server.update(server.local, Tags.tagged(library, Tags.local()));
		assertThat(updated.getMeta().getVersionId()).isEqualTo("2");

		server.assertReadRefused(server.remote, path(library));
		server.assertReadRefused(server.remote, path(library) + "/_history/2");
		assertThat(server.read(server.remote, path(library) + "/_history/1")).as("version 1 was ALL").isEqualTo(200);
		assertThat(server.search(server.remote, byUrl(library))).isEmpty();
		assertThat(server.history(server.remote, path(library) + "/_history")).containsExactly(path(library) + "/_history/1");
		assertThat(server.history(server.local, path(library) + "/_history")).containsExactly(path(library) + "/_history/1",
				path(library) + "/_history/2");
	}

	@Test
	void typeHistoryShowsEachOrganizationWhatItMayRead() throws Exception
	{
		Library all = created(Tags.all());
		Library local = created(Tags.local());
		Library hrpOnly = created(Tags.local(), Tags.organization(ServerFixture.REMOTE));

		assertThat(server.history(server.local, "Library/_history")).contains(v1(all), v1(local), v1(hrpOnly));
		assertThat(server.history(server.remote, "Library/_history")).contains(v1(all), v1(hrpOnly))
				.doesNotContain(v1(local));
		assertThat(server.history(server.otherRemote, "Library/_history")).contains(v1(all))
				.doesNotContain(v1(local), v1(hrpOnly));
		assertThat(server.history(server.otherRemote, "_history")).contains(v1(all)).doesNotContain(v1(local),
				v1(hrpOnly));
	}

	private static String v1(Library library)
	{
		return path(library) + "/_history/1";
	}

	@Test
	void includedResourcesAreFilteredByTheirOwnReadAccess() throws Exception
	{
		Organization organization = server.create(server.local, TestResources.organization(
				AuthorizationTestServer.unique("hidden-") + ".dsf.test", Tags.local()));
		String host = AuthorizationTestServer.unique("ep-") + ".dsf.test";
		Endpoint endpoint = TestResources.endpoint(host, "https://" + host + "/fhir", Tags.all());
		endpoint = server.create(server.local, endpoint.setManagingOrganization(new Reference(path(organization))));
		String query = "Endpoint?identifier=" + DsfIdentifiers.ENDPOINT + "%7C" + host
				+ "&_include=Endpoint:organization";

		assertThat(server.search(server.local, query)).containsExactly(path(endpoint));
		assertThat(server.included(server.local, query)).containsExactly(path(organization));
		assertThat(server.search(server.remote, query)).containsExactly(path(endpoint));
		assertThat(server.included(server.remote, query)).isEmpty();
	}

	@Test
	void allTogetherWithLocalIsAcceptedAndAllApplies() throws Exception
	{
		// observed on a running DSF 1.9.0 (spec §10): its validity check counts LOCAL first
		Library library = created(Tags.all(), Tags.local());

		assertThat(server.read(server.otherRemote, path(library))).isEqualTo(200);
	}

	static Stream<Arguments> invalidTags()
	{
		Coding organizationWithoutExtension = new Coding(ReadAccessTags.SYSTEM, ReadAccessTags.ORGANIZATION, null);
		Coding roleWithUnknownCode = Tags.role(PARENT, "NOT_A_ROLE");
		Coding organizationOfWrongSystem = Tags.organization(ServerFixture.REMOTE);
		organizationOfWrongSystem.getExtensionFirstRep()
				.setValue(new Identifier().setSystem("http://example.org/sid").setValue(ServerFixture.REMOTE));
		return Stream.of(
				Arguments.of("no tag", new Coding[0]),
				Arguments.of("ALL twice", new Coding[] { Tags.all(), Tags.all() }),
				Arguments.of("LOCAL twice", new Coding[] { Tags.local(), Tags.local() }),
				Arguments.of("ORGANIZATION without LOCAL",
						new Coding[] { Tags.organization(ServerFixture.REMOTE) }),
				Arguments.of("ROLE without LOCAL", new Coding[] { Tags.role(PARENT, "HRP") }),
				Arguments.of("ALL with ORGANIZATION",
						new Coding[] { Tags.all(), Tags.organization(ServerFixture.REMOTE) }),
				Arguments.of("ORGANIZATION of an unknown organization",
						new Coding[] { Tags.local(), Tags.organization("nobody.dsf.test") }),
				Arguments.of("ORGANIZATION without its extension",
						new Coding[] { Tags.local(), organizationWithoutExtension }),
				Arguments.of("ORGANIZATION with an identifier of another system",
						new Coding[] { Tags.local(), organizationOfWrongSystem }),
				Arguments.of("ROLE in an unknown parent",
						new Coding[] { Tags.local(), Tags.role("nobody.dsf.test", "HRP") }),
				Arguments.of("ROLE with a code of no CodeSystem", new Coding[] { Tags.local(), roleWithUnknownCode }));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidTags")
	void invalidTagsAreRefusedOnCreateAndNothingIsStored(String description, Coding[] tags) throws Exception
	{
		server.assertCreateRefused(server.local, TestResources.library(tags), "");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidTags")
	void invalidTagsAreRefusedOnUpdateAndTheStoredVersionIsKept(String description, Coding[] tags) throws Exception
	{
		Library library = created(Tags.local());
		library.getMeta().getTag().clear();

		server.assertUpdateRefused(server.local, Tags.tagged(library, tags), "");
	}
}
