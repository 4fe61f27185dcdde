package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.server.AuthorizationTestServer.path;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.dsftestbed.fhir.authorization.Tags;
import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who writes at all (spec §1.2, §3.1, §3.2): resources governed by read-access tags are created, updated and deleted
 * by local identities only — a remote organization is refused even where it may read; {@code $permanent-delete} is
 * the local organization's alone; a certificate on no allow list gets 401 and changes nothing; the same rules decide
 * each entry of a batch and the whole of a transaction.
 */
class WriteAccessHttpTest
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

	static Stream<Arguments> tagGovernedTypes()
	{
		return Stream.of(
				type("Library", () -> TestResources.library(Tags.all())),
				type("CodeSystem", () -> TestResources.codeSystem(AuthorizationTestServer.unique(TestResources.EXAMPLE
						+ "CodeSystem/"), "1.0", Tags.all())),
				type("ValueSet", () -> TestResources.valueSet(AuthorizationTestServer.unique(TestResources.EXAMPLE
						+ "ValueSet/"), "1.0", Tags.all())),
				type("Questionnaire", () -> TestResources.questionnaire(AuthorizationTestServer.unique(
						TestResources.EXAMPLE + "Questionnaire/"), "1.0", Tags.all())),
				type("Patient", () -> TestResources.patient(Tags.all())),
				type("Group", () -> TestResources.group(Tags.all())),
				type("Binary", () -> Tags.tagged(
						new Binary().setContentType("text/plain").setData("hello".getBytes(StandardCharsets.UTF_8)),
						Tags.all())));
	}

	private static Arguments type(String name, Supplier<Resource> resource)
	{
		return Arguments.of(name, resource);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tagGovernedTypes")
	void remoteOrganizationsMayReadButNeitherCreateUpdateNorDelete(String type, Supplier<Resource> resource)
			throws Exception
	{
		server.assertCreateRefused(server.remote, resource.get(), "may only be created by local identities");

		Resource created = server.create(server.local, resource.get());
		assertThat(server.read(server.remote, path(created))).as("tagged ALL").isEqualTo(200);

		server.assertUpdateRefused(server.remote, TestResources.touched(created.copy()),
				"may only be updated by local identities");
		server.assertDeleteRefused(server.remote, type, created.getIdElement().getIdPart(),
				"may only be deleted by local identities");
		server.assertDeleteRefused(server.otherRemote, type, created.getIdElement().getIdPart(),
				"may only be deleted by local identities");

		Resource updated = server.update(server.local, TestResources.touched(created.copy()));
		assertThat(updated.getMeta().getVersionId()).isEqualTo("2");
		server.delete(server.local, type, created.getIdElement().getIdPart());
	}

	@Test
	void rulesDecideEachEntryOfABatchAndTheWholeOfATransaction() throws Exception
	{
		Library readable = server.create(server.local, TestResources.library(Tags.all()));
		Library localOnly = server.create(server.local, TestResources.library(Tags.local()));
		long writes = server.store().writeCount("Library");

		Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
		batch.addEntry().setResource(TestResources.library(Tags.all())).getRequest().setMethod(Bundle.HTTPVerb.POST)
				.setUrl("Library");
		batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl(path(localOnly));
		batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl(path(readable));
		batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl(path(readable));
		HttpsTestClient.Response batchResponse = server.remote.postJson("", batch);

		assertThat(batchResponse.status()).as(batchResponse.body()).isEqualTo(200);
		assertThat(batchResponse.resource(Bundle.class).getEntry()).extracting(e -> e.getResponse().getStatus())
				.containsExactly("403 Forbidden", "403 Forbidden", "200 OK", "403 Forbidden");

		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(TestResources.library(Tags.all()))
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Library");
		HttpsTestClient.Response transactionResponse = server.remote.postJson("", transaction);

		AuthorizationTestServer.assertForbidden(transactionResponse, "transaction entry 0",
				"may only be created by local identities");
		assertThat(server.store().writeCount("Library")).isEqualTo(writes);
	}

	@Test
	void certificateOnNoAllowListIs401AndChangesNothing() throws Exception
	{
		HttpsTestClient unknown = server.unknown();
		Library library = server.create(server.local, TestResources.library(Tags.all()));
		long writes = server.store().writeCount("Library");

		assertThat(server.read(unknown, path(library))).isEqualTo(401);
		assertThat(unknown.get("Library?url=" + library.getUrl()).status()).isEqualTo(401);
		assertThat(unknown.postJson("Library", TestResources.library(Tags.all())).status()).isEqualTo(401);
		assertThat(unknown.putJson(path(library), TestResources.touched(library.copy())).status()).isEqualTo(401);
		assertThat(unknown.send("DELETE", path(library), null).status()).isEqualTo(401);

		assertThat(server.store().writeCount("Library")).isEqualTo(writes);
	}

	@Test
	void permanentDeleteIsForTheLocalOrganizationOnly() throws Exception
	{
		Library library = server.create(server.local, TestResources.library(Tags.all()));
		String id = library.getIdElement().getIdPart();
		server.delete(server.local, "Library", id);

		for (HttpsTestClient remote : new HttpsTestClient[] { server.remote, server.otherRemote })
		{
			HttpsTestClient.Response refused = remote.send("POST", path(library) + "/$permanent-delete", null,
					"Accept", "application/fhir+json");
			// remote organizations lack the server role PERMANENT_DELETE
			AuthorizationTestServer.assertForbidden(refused, "FhirServerRole: ", "PERMANENT_DELETE");
			assertThat(server.store().history("Library", id)).as("history kept").hasSize(2);
		}

		HttpsTestClient.Response deleted = server.local.send("POST", path(library) + "/$permanent-delete", null,
				"Accept", "application/fhir+json");
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
		assertThat(server.store().read("Library", id)).isInstanceOf(ResourceStore.Missing.class);
		assertThat(server.read(server.local, path(library))).isEqualTo(404);
	}

	@Test
	void permanentDeleteOfAResourceNotMarkedDeletedIs400() throws Exception
	{
		// DSF 1.9.0 deletes permanently only what was deleted before (ResourceNotMarkedDeletedException -> 400)
		Library library = server.create(server.local, TestResources.library(Tags.all()));
		String before = server.storedState("Library", library.getIdElement().getIdPart());

		HttpsTestClient.Response response = server.local.send("POST", path(library) + "/$permanent-delete", null,
				"Accept", "application/fhir+json");

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(server.storedState("Library", library.getIdElement().getIdPart())).isEqualTo(before);
	}
}
