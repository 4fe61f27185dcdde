package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dsftestbed.fhir.context.FhirContexts;
import org.dsftestbed.pki.IssuedCertificate;
import org.dsftestbed.pki.KeyStores;
import org.dsftestbed.fhir.authorization.Processes;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.dsf.fhir.client.FhirWebserviceClient;
import dev.dsf.fhir.client.FhirWebserviceClientJersey;
import dev.dsf.fhir.service.ReferenceCleanerImpl;
import dev.dsf.fhir.service.ReferenceExtractorImpl;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

/**
 * The server driven by DSF's own client, {@code FhirWebserviceClientJersey} 1.9.0, as BPEs and plugins use it: any
 * status code or header it does not expect fails here as it would in production.
 */
class DsfClientTest
{
	private static ServerFixture fixture;
	private static FhirWebserviceClient local;

	@BeforeAll
	static void start() throws Exception
	{
		fixture = new ServerFixture();
		local = dsfClient(fixture.certificates.organization(ServerFixture.LOCAL).client());
	}

	@AfterAll
	static void stop()
	{
		fixture.close();
	}

	static FhirWebserviceClient dsfClient(IssuedCertificate identity)
	{
		char[] password = "password".toCharArray();
		KeyStore keyStore = KeyStores.keyStore(identity, "client", password);
		KeyStore trustStore = KeyStores.trustStore(fixture.cas(), KeyStores.Format.PKCS12);
		return new FhirWebserviceClientJersey(fixture.server.baseUrl(), trustStore, keyStore, password,
				new ObjectMapper(), null, null, null, 5_000, 30_000, false, "DSF/1.9.0", FhirContexts.r4(),
				new ReferenceCleanerImpl(new ReferenceExtractorImpl()));
	}

	private static Library library()
	{
		return FhirServerRestTest.library("http://example.org/Library/" + UUID.randomUUID());
	}

	@Test
	void createReadAndMinimalCreate()
	{
		Library created = local.create(library());
		assertThat(created.getIdElement().getIdPart()).isNotBlank();
		assertThat(created.getMeta().getVersionId()).isEqualTo("1");

		Library read = local.read(Library.class, created.getIdElement().getIdPart());
		assertThat(read.getUrl()).isEqualTo(created.getUrl());

		IdType id = local.withMinimalReturn().create(library());
		assertThat(id.getResourceType()).isEqualTo("Library");
		assertThat(id.getVersionIdPart()).isEqualTo("1");
		assertThat(local.exists(Library.class, id.getIdPart())).isTrue();
	}

	@Test
	void conditionalCreateCreatesOnceAndTheExistingAnswerIsAnErrorForThisClientAsInDsf()
	{
		Library library = library();
		Library created = local.createConditionaly(library, "url=" + library.getUrl());
		assertThat(created.getMeta().getVersionId()).isEqualTo("1");

		// DSF's server answers 200 for an existing match, which DSF's client reports as an error (spec §4.1)
		assertThatThrownBy(() -> local.createConditionaly(library(), "url=" + library.getUrl()))
				.isInstanceOf(WebApplicationException.class);
	}

	@Test
	void updateWithAStaleVersionIsAConflict()
	{
		Library created = local.create(library());
		Library stale = created.copy();

		Library updated = local.update(created.setDescription("v2"));
		assertThat(updated.getMeta().getVersionId()).isEqualTo("2");

		assertThatThrownBy(() -> local.update(stale.setDescription("lost update")))
				.isInstanceOfSatisfying(WebApplicationException.class,
						e -> assertThat(e.getResponse().getStatus()).isEqualTo(412));
	}

	@Test
	void searchWithIncludeAsTheBpeFindsItsOrganization()
	{
		Bundle bundle = local.searchWithStrictHandling(Endpoint.class,
				Map.of("status", List.of("active"), "address", List.of("https://dic.dsf.test/fhir"), "_include",
						List.of("Endpoint:organization")));

		assertThat(bundle.getTotal()).isEqualTo(1);
		assertThat(bundle.getEntry()).hasSize(2);
		assertThat(bundle.getEntry().get(0).getResource()).isInstanceOf(Endpoint.class);
		assertThat(bundle.getEntry().get(1).getResource()).isInstanceOfSatisfying(Organization.class,
				o -> assertThat(o.getIdentifierFirstRep().getValue()).isEqualTo(ServerFixture.LOCAL));
		assertThat(bundle.getEntry().get(1).getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.INCLUDE);
	}

	@Test
	void strictSearchWithAnUnknownParameterIsAnError()
	{
		assertThatThrownBy(() -> local.searchWithStrictHandling(Endpoint.class, Map.of("nonsense", List.of("1"))))
				.isInstanceOfSatisfying(WebApplicationException.class,
						e -> assertThat(e.getResponse().getStatus()).isEqualTo(400));
	}

	@Test
	void binaryUploadAndDownload() throws Exception
	{
		Library context = local.create(library());
		byte[] content = "dsf-testbed binary".getBytes(StandardCharsets.UTF_8);
		Binary binary = local.createBinary(new ByteArrayInputStream(content), MediaType.TEXT_PLAIN_TYPE,
				"Library/" + context.getIdElement().getIdPart());

		try (InputStream in = local.readBinary(binary.getIdElement().getIdPart(), MediaType.TEXT_PLAIN_TYPE))
		{
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

	@Test
	void historyAndDelete()
	{
		Library created = local.create(library());
		local.update(created.setDescription("v2"));
		assertThat(local.history(Library.class, created.getIdElement().getIdPart()).getEntry()).hasSize(2);

		local.delete(Library.class, created.getIdElement().getIdPart());
		assertThatThrownBy(() -> local.read(Library.class, created.getIdElement().getIdPart()))
				.isInstanceOfSatisfying(WebApplicationException.class,
						e -> assertThat(e.getResponse().getStatus()).isEqualTo(410));
		assertThat(local.exists(Library.class, UUID.randomUUID().toString())).isFalse();
	}

	@Test
	void rereadOfAnUnchangedResourceIsNotModified()
	{
		Library created = local.create(library());
		Library again = local.read(created);
		assertThat(again).as("the client returns its old value on 304").isSameAs(created);

		local.update(created.copy().setDescription("changed"));
		assertThat(local.read(created).getDescription()).isEqualTo("changed");
	}

	@Test
	void capabilityStatement()
	{
		assertThat(local.getConformance().getRestFirstRep().getResource()).isNotEmpty();
	}

	@Test
	void bpeSubscriptionFlowFindSubscriptionBindAndReceiveARequestedTask() throws Exception
	{
		// the BPE's lookup: exactly one active websocket Subscription for requested Tasks (strict handling)
		Bundle subscriptions = local.searchWithStrictHandling(Subscription.class,
				Map.of("criteria:exact", List.of("Task?status=requested"), "status", List.of("active"), "type",
						List.of("websocket"), "payload", List.of("application/fhir+json")));
		assertThat(subscriptions.getTotal()).isEqualTo(1);
		String subscriptionId = subscriptions.getEntryFirstRep().getResource().getIdElement().getIdPart();

		ActivityDefinition process = new ActivityDefinition();
		process.getMeta().addTag("http://dsf.dev/fhir/CodeSystem/read-access-tag", "ALL", null);
		process.setUrl(Processes.PROCESS_URL).setVersion(Processes.PROCESS_VERSION)
				.setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE);
		process.addExtension(Processes.authorization(Processes.MESSAGE_NAME,
				"http://dsf.dev/fhir/StructureDefinition/task-base|1.0.0", List.of(Processes.remoteAll()),
				List.of(Processes.localAll())));
		local.createConditionaly(process, "url=" + Processes.PROCESS_URL + "&version=" + Processes.PROCESS_VERSION);

		try (WebSocketTestClient webSocket = WebSocketTestClient.connect(fixture.server.baseUrl(),
				fixture.certificates.organization(ServerFixture.LOCAL).client(), fixture.cas()))
		{
			assertThat(webSocket.bind(subscriptionId)).isEqualTo("bound " + subscriptionId);

			FhirWebserviceClient remote = dsfClient(fixture.certificates.organization(ServerFixture.REMOTE).client());
			IdType sent = remote.withMinimalReturn().create(
					FhirServerTaskTest.task(ServerFixture.REMOTE, ServerFixture.LOCAL, Processes.MESSAGE_NAME));

			Task received = FhirContexts.r4().newJsonParser().parseResource(Task.class, webSocket.next());
			assertThat(received.getIdElement().getIdPart()).isEqualTo(sent.getIdPart());
			assertThat(received.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
			assertThat(received.getRequester().getIdentifier().getValue()).isEqualTo(ServerFixture.REMOTE);
		}
	}
}
