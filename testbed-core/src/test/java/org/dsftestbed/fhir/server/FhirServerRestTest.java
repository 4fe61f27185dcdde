package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.dsftestbed.fhir.store.ResourceStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST interactions of the DSF FHIR server: status codes, headers, versions, conditional requests, bundles. */
class FhirServerRestTest
{
	private static ServerFixture fixture;
	private static HttpsTestClient local;
	private static HttpsTestClient remote;

	@BeforeAll
	static void start() throws IOException
	{
		fixture = new ServerFixture();
		local = fixture.client(ServerFixture.LOCAL);
		remote = fixture.client(ServerFixture.REMOTE);
	}

	@AfterAll
	static void stop()
	{
		fixture.close();
	}

	static Library library(String url)
	{
		Library library = new Library();
		library.getMeta().addTag("http://dsf.dev/fhir/CodeSystem/read-access-tag", "ALL", null);
		library.setUrl(url).setVersion("1.0").setStatus(PublicationStatus.ACTIVE)
				.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/library-type", "logic-library", null)));
		return library;
	}

	private static String newUrl()
	{
		return "http://example.org/Library/" + UUID.randomUUID();
	}

	private int libraries()
	{
		return fixture.server.store().current("Library", r -> true).size();
	}

	@Test
	void createIs201WithLocationETagAndRepresentation() throws Exception
	{
		HttpsTestClient.Response response = local.postJson("Library", library(newUrl()));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.header("Location")).matches(fixture.server.baseUrl() + "/Library/[0-9a-f-]{36}/_history/1");
		assertThat(response.header("ETag")).isEqualTo("W/\"1\"");
		assertThat(response.header("Last-Modified")).endsWith("GMT");
		Library created = response.resource(Library.class);
		assertThat(created.getMeta().getVersionId()).isEqualTo("1");
	}

	@Test
	void preferMinimalAndOperationOutcome() throws Exception
	{
		HttpsTestClient.Response minimal = local.postJson("Library", library(newUrl()), "Prefer", "return=minimal");
		assertThat(minimal.status()).isEqualTo(201);
		assertThat(minimal.body()).isEmpty();
		assertThat(minimal.header("Location")).contains("/_history/1");

		HttpsTestClient.Response outcome = local.postJson("Library", library(newUrl()), "Prefer",
				"return=OperationOutcome");
		assertThat(outcome.resource(OperationOutcome.class).getIssueFirstRep().getSeverity())
				.isEqualTo(OperationOutcome.IssueSeverity.INFORMATION);
	}

	@Test
	void readVreadUpdateWithIfMatchDeleteAndGone() throws Exception
	{
		Library created = local.postJson("Library", library(newUrl())).resource(Library.class);
		String id = created.getIdElement().getIdPart();

		assertThat(local.get("Library/" + id).status()).isEqualTo(200);
		assertThat(local.send("HEAD", "Library/" + id, null).status()).isEqualTo(200);

		created.setDescription("second version");
		HttpsTestClient.Response updated = local.putJson("Library/" + id, created, "If-Match", "W/\"1\"");
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.header("ETag")).isEqualTo("W/\"2\"");

		HttpsTestClient.Response stale = local.putJson("Library/" + id, created, "If-Match", "W/\"1\"");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(fixture.server.store().history("Library", id)).hasSize(2);

		assertThat(local.get("Library/" + id + "/_history/1").resource(Library.class).getDescription()).isNull();

		HttpsTestClient.Response deleted = local.send("DELETE", "Library/" + id, null);
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(local.get("Library/" + id).status()).isEqualTo(410);

		Bundle history = local.get("Library/" + id + "/_history", "Accept", "application/fhir+json")
				.resource(Bundle.class);
		assertThat(history.getType()).isEqualTo(BundleType.HISTORY);
		assertThat(history.getEntry()).extracting(e -> e.getRequest().getMethod()).containsExactly(HTTPVerb.POST,
				HTTPVerb.PUT, HTTPVerb.DELETE);
	}

	@Test
	void updateOfAnUnknownIdIs405AndIdMismatchIs400() throws Exception
	{
		Library unknown = library(newUrl());
		String id = UUID.randomUUID().toString();
		unknown.setId(id);
		assertThat(local.putJson("Library/" + id, unknown).status()).isEqualTo(405);

		Library created = local.postJson("Library", library(newUrl())).resource(Library.class);
		assertThat(local.putJson("Library/" + UUID.randomUUID(), created).status()).isEqualTo(400);
	}

	@Test
	void deleteOfAnIdThatNeverExistedIs404() throws Exception
	{
		assertThat(local.send("DELETE", "Library/" + UUID.randomUUID(), null).status()).isEqualTo(404);
		assertThat(local.get("Library/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void conditionalCreateOfAnExistingResourceIs200WithItsLocation() throws Exception
	{
		String url = newUrl();
		String location = local.postJson("Library", library(url)).header("Location");
		int before = libraries();

		HttpsTestClient.Response again = local.postJson("Library", library(url), "If-None-Exist", "url=" + url);

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.header("Location")).isEqualTo(location);
		assertThat(again.resource(OperationOutcome.class).getIssueFirstRep().getSeverity())
				.isEqualTo(OperationOutcome.IssueSeverity.INFORMATION);
		assertThat(libraries()).isEqualTo(before);
	}

	@Test
	void conditionalUpdateCreatesThenUpdates() throws Exception
	{
		String url = newUrl();
		assertThat(local.putJson("Library?url=" + url, library(url)).status()).isEqualTo(201);
		HttpsTestClient.Response second = local.putJson("Library?url=" + url, library(url).setDescription("v2"));
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.header("ETag")).isEqualTo("W/\"2\"");
	}

	@Test
	void remoteOrganizationMayNotCreateLibrariesAndNothingIsStored() throws Exception
	{
		int before = libraries();
		HttpsTestClient.Response refused = remote.postJson("Library", library(newUrl()));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.resource(OperationOutcome.class).getIssueFirstRep().getDiagnostics()).isNotBlank();
		assertThat(libraries()).isEqualTo(before);
	}

	@Test
	void transactionResolvesUrnUuidsAndIsAllOrNothing() throws Exception
	{
		Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
		String first = "urn:uuid:" + UUID.randomUUID();
		Library a = library(newUrl());
		transaction.addEntry().setFullUrl(first).setResource(a).getRequest().setMethod(HTTPVerb.POST).setUrl("Library");
		Library b = library(newUrl());
		b.addRelatedArtifact().setType(org.hl7.fhir.r4.model.RelatedArtifact.RelatedArtifactType.DEPENDSON)
				.setResource(a.getUrl());
		transaction.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(b).getRequest()
				.setMethod(HTTPVerb.POST).setUrl("Library");

		HttpsTestClient.Response response = local.send("POST", "",
				org.dsftestbed.fhir.context.FhirContexts.r4().newJsonParser().encodeResourceToString(transaction),
				"Content-Type", "application/fhir+json", "Accept", "application/fhir+json");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Bundle result = response.resource(Bundle.class);
		assertThat(result.getType()).isEqualTo(BundleType.TRANSACTIONRESPONSE);
		assertThat(result.getEntry()).allSatisfy(e -> assertThat(e.getResponse().getStatus()).isEqualTo("201 Created"));

		int before = libraries();
		Bundle failing = new Bundle().setType(BundleType.TRANSACTION);
		failing.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(library(newUrl())).getRequest()
				.setMethod(HTTPVerb.POST).setUrl("Library");
		Library untagged = library(newUrl());
		untagged.getMeta().getTag().clear();
		failing.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(untagged).getRequest()
				.setMethod(HTTPVerb.POST).setUrl("Library");
		HttpsTestClient.Response refused = local.send("POST", "",
				org.dsftestbed.fhir.context.FhirContexts.r4().newJsonParser().encodeResourceToString(failing),
				"Content-Type", "application/fhir+json", "Accept", "application/fhir+json");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.resource(OperationOutcome.class).getIssueFirstRep().getDiagnostics())
				.startsWith("transaction entry 1 (POST Library)");
		assertThat(libraries()).as("first entry rolled back").isEqualTo(before);
	}

	@Test
	void batchAnswersEachEntry() throws Exception
	{
		Bundle batch = new Bundle().setType(BundleType.BATCH);
		batch.addEntry().setResource(library(newUrl())).getRequest().setMethod(HTTPVerb.POST).setUrl("Library");
		Library untagged = library(newUrl());
		untagged.getMeta().getTag().clear();
		batch.addEntry().setResource(untagged).getRequest().setMethod(HTTPVerb.POST).setUrl("Library");

		HttpsTestClient.Response response = local.send("POST", "",
				org.dsftestbed.fhir.context.FhirContexts.r4().newJsonParser().encodeResourceToString(batch),
				"Content-Type", "application/fhir+json", "Accept", "application/fhir+json");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.resource(Bundle.class).getEntry()).extracting(e -> e.getResponse().getStatus())
				.containsExactly("201 Created", "403 Forbidden");
	}

	@Test
	void batchEntriesWithUrnUuidFullUrlsUpdateConditionallyAsDsfsBpeSendsThem() throws Exception
	{
		String url = newUrl();
		assertThat(local.postJson("Library", library(url)).status()).isEqualTo(201);

		Bundle batch = new Bundle().setType(BundleType.BATCH);
		batch.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(library(url).setDescription("v2"))
				.getRequest().setMethod(HTTPVerb.PUT).setUrl("Library?url=" + url + "&version=1.0");
		HttpsTestClient.Response response = local.send("POST", "",
				org.dsftestbed.fhir.context.FhirContexts.r4().newJsonParser().encodeResourceToString(batch),
				"Content-Type", "application/fhir+json", "Accept", "application/fhir+json");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.resource(Bundle.class).getEntryFirstRep().getResponse().getStatus()).isEqualTo("200 OK");
	}

	@Test
	void binaryRawUploadAndDownloadWithSecurityContext() throws Exception
	{
		String libraryId = local.postJson("Library", library(newUrl())).resource(Library.class).getIdElement()
				.getIdPart();
		HttpsTestClient.Response created = local.send("POST", "Binary", "hello,world", "Content-Type", "text/csv",
				"X-Security-Context", "Library/" + libraryId);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String location = created.header("Location");
		String id = location.replaceAll(".*/Binary/([^/]+)/_history/.*", "$1");

		HttpsTestClient.Response raw = local.get("Binary/" + id, "Accept", "text/csv");
		assertThat(raw.status()).isEqualTo(200);
		assertThat(raw.header("Content-Type")).startsWith("text/csv");
		assertThat(raw.body()).isEqualTo("hello,world");
		assertThat(raw.header("X-Security-Context")).isEqualTo("Library/" + libraryId);

		HttpsTestClient.Response asFhir = local.get("Binary/" + id, "Accept", "application/fhir+json");
		assertThat(new String(asFhir.resource(org.hl7.fhir.r4.model.Binary.class).getData(), StandardCharsets.UTF_8))
				.isEqualTo("hello,world");
	}

	@Test
	void permanentDeleteForgetsTheResource() throws Exception
	{
		String id = local.postJson("Library", library(newUrl())).resource(Library.class).getIdElement().getIdPart();
		assertThat(remote.send("POST", "Library/" + id + "/$permanent-delete", null).status()).isEqualTo(403);
		assertThat(local.send("DELETE", "Library/" + id, null).status()).isEqualTo(200);

		assertThat(local.send("POST", "Library/" + id + "/$permanent-delete", null).status()).isEqualTo(200);
		assertThat(local.get("Library/" + id).status()).isEqualTo(404);
	}

	@Test
	void strictHandlingRefusesUnknownParametersAndLenientReportsThem() throws Exception
	{
		assertThat(local.get("Library?unknown-param=1", "Prefer", "handling=strict").status()).isEqualTo(400);
		Bundle lenient = local.get("Library?unknown-param=1", "Accept", "application/fhir+json").resource(Bundle.class);
		assertThat(lenient.getEntry()).last().satisfies(
				e -> assertThat(e.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.OUTCOME));
	}

	@Test
	void logicalReferencesAreResolvedWhenStoredAndStrippedInResponses() throws Exception
	{
		HttpsTestClient.Response created = local.postJson("DocumentReference", document(ServerFixture.REMOTE));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.resource(DocumentReference.class).getIdElement().getIdPart();

		DocumentReference stored = (DocumentReference) ((ResourceStore.Found) fixture.server.store()
				.read("DocumentReference", id)).resource();
		assertThat(stored.getAuthorFirstRep().getReference()).startsWith("Organization/");
		assertThat(created.resource(DocumentReference.class).getAuthorFirstRep().hasReference()).isFalse();
		assertThat(local.get("DocumentReference/" + id, "Accept", "application/fhir+json")
				.resource(DocumentReference.class).getAuthorFirstRep().hasReference()).isFalse();

		int before = fixture.server.store().current("DocumentReference", r -> true).size();
		assertThat(local.postJson("DocumentReference", document("nobody.dsf.test")).status()).isEqualTo(403);
		assertThat(fixture.server.store().current("DocumentReference", r -> true)).hasSize(before);
	}

	private static DocumentReference document(String author)
	{
		DocumentReference document = new DocumentReference();
		document.getMeta().addTag("http://dsf.dev/fhir/CodeSystem/read-access-tag", "ALL", null);
		document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
		document.addContent().getAttachment().setContentType("text/plain").setUrl("http://example.org/doc");
		document.addAuthor(new Reference().setType("Organization").setIdentifier(
				new Identifier().setSystem("http://dsf.dev/sid/organization-identifier").setValue(author)));
		return document;
	}
}
