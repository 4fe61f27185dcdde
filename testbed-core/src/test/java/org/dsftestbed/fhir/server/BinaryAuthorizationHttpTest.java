package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.server.AuthorizationTestServer.PARENT;
import static org.dsftestbed.fhir.server.AuthorizationTestServer.path;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.dsftestbed.fhir.authorization.Network;
import org.dsftestbed.fhir.authorization.Tags;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Binary over HTTPS (spec §3.2): read access comes either from its own read-access tag or from its securityContext —
 * a stored resource of a tag-governed type other than Binary and Task, named in the resource or in the
 * {@code X-Security-Context} header of a raw upload — never from both; whoever reads the security context reads the
 * Binary, as FHIR resource and as raw content.
 */
class BinaryAuthorizationHttpTest
{
	private static final String CONTENT = "id,value\n1,a\n";

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

	private static Binary binary(Reference securityContext, Coding... tags)
	{
		Binary binary = new Binary().setContentType("text/csv").setData(CONTENT.getBytes(StandardCharsets.UTF_8));
		if (securityContext != null)
			binary.setSecurityContext(securityContext);
		return Tags.tagged(binary, tags);
	}

	private static Reference securityContext(Coding... tagsOfTheContext) throws Exception
	{
		return new Reference(path(server.create(server.local, TestResources.library(tagsOfTheContext))));
	}

	/** The raw content as the caller gets it; asserts the content when the status is 200. */
	private static int readRaw(HttpsTestClient caller, String binaryPath) throws Exception
	{
		HttpsTestClient.Response response = caller.get(binaryPath, "Accept", "text/csv");
		if (response.status() == 200)
			assertThat(response.body()).isEqualTo(CONTENT);
		return response.status();
	}

	@Test
	void binaryWithAReadAccessTagIsReadByTheTag() throws Exception
	{
		Binary binary = server.create(server.local, binary(null, Tags.local(), Tags.organization(ServerFixture.REMOTE)));

		assertThat(server.read(server.remote, path(binary))).isEqualTo(200);
		assertThat(readRaw(server.remote, path(binary))).isEqualTo(200);
		server.assertReadRefused(server.otherRemote, path(binary));
		assertThat(readRaw(server.otherRemote, path(binary))).isEqualTo(403);
	}

	@Test
	void securityContextLendsItsReadAccessToTheBinary() throws Exception
	{
		Binary binary = server.create(server.local,
				binary(securityContext(Tags.local(), Tags.organization(ServerFixture.REMOTE))));

		assertThat(server.read(server.local, path(binary))).isEqualTo(200);
		assertThat(server.read(server.remote, path(binary))).isEqualTo(200);
		assertThat(readRaw(server.remote, path(binary))).isEqualTo(200);
		server.assertReadRefused(server.otherRemote, path(binary));
		assertThat(readRaw(server.otherRemote, path(binary))).isEqualTo(403);
		assertThat(server.search(server.otherRemote, "Binary?_id=" + binary.getIdElement().getIdPart())).isEmpty();
	}

	@Test
	void rawUploadTakesTheSecurityContextFromTheHeader() throws Exception
	{
		Reference context = securityContext(Tags.local(), Tags.role(PARENT, "COS"));

		HttpsTestClient.Response created = server.local.send("POST", "Binary", CONTENT, "Content-Type", "text/csv",
				"X-Security-Context", context.getReference());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String binaryPath = created.header("Location").replaceAll(".*/(Binary/[^/]+)/_history/.*", "$1");

		assertThat(readRaw(server.otherRemote, binaryPath)).as("cos has role COS").isEqualTo(200);
		assertThat(readRaw(server.remote, binaryPath)).as("hrp has not").isEqualTo(403);
	}

	@Test
	void logicalReferenceServesAsSecurityContext() throws Exception
	{
		Binary binary = server.create(server.local, binary(Network.logicalOrganization(ServerFixture.REMOTE)));

		assertThat(server.read(server.otherRemote, path(binary))).as("Organizations are tagged ALL").isEqualTo(200);
	}

	@Test
	void binaryNeedsEitherATagOrASecurityContextButNotBoth() throws Exception
	{
		server.assertCreateRefused(server.local, binary(null), "read-access tag or a securityContext");
		server.assertCreateRefused(server.local, binary(securityContext(Tags.all()), Tags.all()), "not have both");
	}

	@Test
	void securityContextMustBeAStoredResourceOfAnotherTagGovernedType() throws Exception
	{
		server.assertCreateRefused(server.local, binary(new Reference("Library/" + UUID.randomUUID())),
				"securityContext");
		Binary other = server.create(server.local, binary(null, Tags.all()));
		server.assertCreateRefused(server.local, binary(new Reference(path(other))), "securityContext");
	}

	@Test
	void updateAddingATagToASecurityContextIsRefused() throws Exception
	{
		Binary created = server.create(server.local, binary(securityContext(Tags.local())));

		server.assertUpdateRefused(server.local, Tags.tagged(created.copy(), Tags.all()), "not have both");

		Binary moved = created.copy().setSecurityContext(securityContext(Tags.all()));
		assertThat(server.read(server.remote, path(server.update(server.local, moved)))).isEqualTo(200);
	}

	@Test
	void remoteOrganizationsUploadNoBinary() throws Exception
	{
		Reference context = securityContext(Tags.all());
		long writes = server.store().writeCount("Binary");

		HttpsTestClient.Response refused = server.remote.send("POST", "Binary", CONTENT, "Content-Type", "text/csv",
				"Accept", "application/fhir+json", "X-Security-Context", context.getReference());

		AuthorizationTestServer.assertRefusedByRule(refused, "Binary", "may only be created by local identities");
		assertThat(server.store().writeCount("Binary")).isEqualTo(writes);
	}
}
