package org.dsftestbed.bpe.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dsftestbed.bpe.plugin.ProcessIdAndVersion;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.dsf.fhir.client.FhirWebserviceClient;

/** Plugin resources uploaded, updated and deleted with DSF's conditional batch requests, read back from the server. */
class FhirResourceDeploymentTest
{
	private static final ProcessIdAndVersion P1 = new ProcessIdAndVersion("dsftest_one", "1.0");
	private static final ProcessIdAndVersion P2 = new ProcessIdAndVersion("dsftest_two", "1.0");

	private static BpeFhirFixture fixture;
	private static FhirWebserviceClient local;
	private static FhirResourceDeployment deployment;

	@BeforeAll
	static void start() throws Exception
	{
		fixture = new BpeFhirFixture();
		local = fixture.client(BpeFhirFixture.LOCAL);
		deployment = new FhirResourceDeployment(local);
	}

	@AfterAll
	static void stop()
	{
		fixture.close();
	}

	private static Library library(String url)
	{
		Library library = new Library();
		library.getMeta().addTag("http://dsf.dev/fhir/CodeSystem/read-access-tag", "ALL", null);
		library.setUrl(url).setVersion("1.0").setStatus(PublicationStatus.UNKNOWN).setType(new CodeableConcept(
				new Coding("http://terminology.hl7.org/CodeSystem/library-type", "logic-library", null)));
		return library;
	}

	private static List<Library> stored(String url)
	{
		Bundle bundle = local.search(Library.class, Map.of("url", List.of(url), "version", List.of("1.0")));
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(Library.class::isInstance).map(Library.class::cast).toList();
	}

	private static String url()
	{
		return "http://dsf.test/fhir/Library/" + UUID.randomUUID();
	}

	private static ProcessResources change(ProcessIdAndVersion process, ProcessState from, ProcessState to,
			Resource... resources)
	{
		return new ProcessResources(process, from, to, List.of(resources));
	}

	@Test
	void createUpdateAndDeleteWithConditionalRequests()
	{
		String a = url(), shared = url(), b = url();

		List<FhirResourceDeployment.Outcome> created = deployment.deploy(List.of(
				change(P1, ProcessState.NEW, ProcessState.ACTIVE, library(a), library(shared)),
				change(P2, ProcessState.NEW, ProcessState.DRAFT, library(shared), library(b))));
		assertThat(created).extracting(FhirResourceDeployment.Outcome::method).containsOnly(HTTPVerb.POST);
		assertThat(created).extracting(FhirResourceDeployment.Outcome::criteria)
				.containsExactly("url=" + a + "&version=1.0", "url=" + shared + "&version=1.0", "url=" + b + "&version=1.0");
		assertThat(created).allSatisfy(o -> assertThat(o.status()).startsWith("201"));
		assertThat(stored(a)).singleElement().extracting(Library::getStatus).isEqualTo(PublicationStatus.ACTIVE);
		assertThat(stored(shared)).singleElement().extracting(Library::getStatus)
				.isEqualTo(PublicationStatus.ACTIVE);
		assertThat(stored(b)).singleElement().extracting(Library::getStatus).isEqualTo(PublicationStatus.DRAFT);
		String idA = stored(a).get(0).getIdElement().getIdPart();
		assertThat(created.get(0).id()).isEqualTo(idA);

		// unchanged active process: verified, nothing sent
		assertThat(deployment.deploy(List.of(change(P1, ProcessState.ACTIVE, ProcessState.ACTIVE, library(a)))))
				.isEmpty();

		List<FhirResourceDeployment.Outcome> updated = deployment.deploy(List.of(
				change(P1, ProcessState.ACTIVE, ProcessState.RETIRED, library(a), library(shared)),
				change(P2, ProcessState.DRAFT, ProcessState.DRAFT, library(shared), library(b))));
		assertThat(updated).extracting(FhirResourceDeployment.Outcome::method).containsOnly(HTTPVerb.PUT);
		assertThat(stored(a)).singleElement().satisfies(l ->
		{
			assertThat(l.getStatus()).isEqualTo(PublicationStatus.RETIRED);
			assertThat(l.getIdElement().getIdPart()).isEqualTo(idA);
			assertThat(l.getMeta().getVersionId()).isEqualTo("2");
		});
		assertThat(stored(shared)).singleElement().extracting(Library::getStatus)
				.as("draft outranks retired").isEqualTo(PublicationStatus.DRAFT);
		assertThat(stored(b)).singleElement().extracting(Library::getStatus).isEqualTo(PublicationStatus.DRAFT);

		List<FhirResourceDeployment.Outcome> deleted = deployment
				.deploy(List.of(change(P1, ProcessState.RETIRED, ProcessState.EXCLUDED, library(a))));
		assertThat(deleted).singleElement().satisfies(o ->
		{
			assertThat(o.method()).isEqualTo(HTTPVerb.DELETE);
			assertThat(o.status()).matches("20[04].*");
		});
		assertThat(stored(a)).isEmpty();

		// believed active but missing on the server: created again
		String missing = url();
		assertThat(deployment.deploy(List.of(change(P1, ProcessState.ACTIVE, ProcessState.ACTIVE, library(missing)))))
				.singleElement().extracting(FhirResourceDeployment.Outcome::method).isEqualTo(HTTPVerb.POST);
		assertThat(stored(missing)).singleElement().extracting(Library::getStatus)
				.isEqualTo(PublicationStatus.ACTIVE);
	}

	@Test
	void aRefusedEntryFailsTheDeploymentNamingTheEntry()
	{
		String url = url();
		Library invalid = library(url);
		invalid.getMeta().getTag().clear(); // no read-access tag: refused by the server

		assertThatThrownBy(() -> deployment
				.deploy(List.of(change(P1, ProcessState.NEW, ProcessState.ACTIVE, invalid))))
				.isInstanceOf(FhirResourceDeployment.DeploymentException.class)
				.hasMessageContaining("Library?url=" + url + "&version=1.0").hasMessageContaining(P1.toString());
	}
}
