package org.dsftestbed.bpe.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dsftestbed.bpe.plugin.ProcessIdAndVersion;
import org.dsftestbed.bpe.state.BpeDatabase;
import org.dsftestbed.bpe.state.ProcessState;
import org.dsftestbed.bpe.state.ProcessStateChange;
import org.dsftestbed.bpe.state.ResourceRecord;
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

/**
 * Plugin resources uploaded, updated and deleted with DSF's conditional batch requests per process state change, read
 * back from the server and recorded in the BPE database.
 */
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

	private static ProcessStateChange change(ProcessIdAndVersion process, ProcessState from, ProcessState to)
	{
		return new ProcessStateChange(process, from, to);
	}

	@SafeVarargs
	private static List<ProcessStateChange> changes(ProcessStateChange... changes)
	{
		return List.of(changes);
	}

	private static Map<ProcessIdAndVersion, List<Resource>> shipped(Object... processAndResources)
	{
		Map<ProcessIdAndVersion, List<Resource>> shipped = new HashMap<>();
		ProcessIdAndVersion process = null;
		for (Object o : processAndResources)
			if (o instanceof ProcessIdAndVersion p)
				process = p;
			else
				shipped.computeIfAbsent(process, x -> new ArrayList<>()).add((Resource) o);
		return shipped;
	}

	private static List<String> recordedUrls(BpeDatabase database, ProcessIdAndVersion process)
	{
		return database.resources().getOrDefault(process, List.of()).stream()
				.map(r -> r.criteria().replaceAll("^url=(.*)&version=1.0$", "$1")).sorted().toList();
	}

	private static String idOf(String url)
	{
		return stored(url).get(0).getIdElement().getIdPart();
	}

	@Test
	void createUpdateAndDeleteWithConditionalRequestsAndRecordThem()
	{
		BpeDatabase database = BpeDatabase.inMemory("test");
		String a = url(), shared = url(), b = url(), c = url();

		List<FhirResourceDeployment.Outcome> created = deployment.deploy(
				changes(change(P1, ProcessState.NEW, ProcessState.ACTIVE), change(P2, ProcessState.NEW, ProcessState.DRAFT)),
				shipped(P1, library(a), library(shared), P2, library(shared), library(b)), database);
		assertThat(created).extracting(FhirResourceDeployment.Outcome::method).containsOnly(HTTPVerb.POST);
		assertThat(created).extracting(FhirResourceDeployment.Outcome::criteria).containsExactlyInAnyOrder(
				"url=" + a + "&version=1.0", "url=" + shared + "&version=1.0", "url=" + b + "&version=1.0");
		assertThat(created).allSatisfy(o -> assertThat(o.status()).startsWith("201"));
		assertThat(stored(a)).singleElement().extracting(Library::getStatus).isEqualTo(PublicationStatus.ACTIVE);
		assertThat(stored(shared)).singleElement().extracting(Library::getStatus).as("active outranks draft")
				.isEqualTo(PublicationStatus.ACTIVE);
		assertThat(stored(b)).singleElement().extracting(Library::getStatus).isEqualTo(PublicationStatus.DRAFT);
		String idA = idOf(a);
		assertThat(database.resources().get(P1)).extracting(ResourceRecord::resourceId).contains(idA, idOf(shared));
		assertThat(recordedUrls(database, P2)).containsExactlyInAnyOrder(shared, b);

		// unchanged active process: verified, nothing sent
		assertThat(deployment.deploy(changes(change(P1, ProcessState.ACTIVE, ProcessState.ACTIVE)),
				shipped(P1, library(a), library(shared)), database)).isEmpty();

		List<FhirResourceDeployment.Outcome> updated = deployment.deploy(
				changes(change(P1, ProcessState.ACTIVE, ProcessState.RETIRED), change(P2, ProcessState.DRAFT, ProcessState.DRAFT)),
				shipped(P1, library(a), library(shared), P2, library(shared), library(b)), database);
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

		// P1 no longer shipped: its recorded resources are deleted, but not the one the draft P2 still ships
		List<FhirResourceDeployment.Outcome> excluded = deployment.deploy(
				changes(change(P1, ProcessState.RETIRED, ProcessState.EXCLUDED), change(P2, ProcessState.DRAFT, ProcessState.DRAFT)),
				shipped(P2, library(shared), library(b)), database);
		assertThat(excluded).filteredOn(o -> o.method() == HTTPVerb.DELETE).singleElement().satisfies(o ->
		{
			assertThat(o.criteria()).isEqualTo("url=" + a + "&version=1.0");
			assertThat(o.status()).matches("20[04].*");
		});
		assertThat(excluded).filteredOn(o -> o.method() != HTTPVerb.DELETE)
				.extracting(FhirResourceDeployment.Outcome::method).containsOnly(HTTPVerb.PUT);
		assertThat(stored(a)).isEmpty();
		assertThat(stored(shared)).singleElement().extracting(Library::getStatus).isEqualTo(PublicationStatus.DRAFT);
		assertThat(database.resources()).doesNotContainKey(P1);

		// the draft redeployed with c instead of b: b deleted, c created, shared updated
		List<FhirResourceDeployment.Outcome> redeployed = deployment.deploy(
				changes(change(P2, ProcessState.DRAFT, ProcessState.DRAFT)), shipped(P2, library(shared), library(c)),
				database);
		assertThat(redeployed).extracting(o -> o.method() + " " + o.criteria()).containsExactlyInAnyOrder(
				"DELETE url=" + b + "&version=1.0", "POST url=" + c + "&version=1.0",
				"PUT url=" + shared + "&version=1.0");
		assertThat(stored(b)).isEmpty();
		assertThat(stored(c)).singleElement().extracting(Library::getStatus).isEqualTo(PublicationStatus.DRAFT);
		assertThat(recordedUrls(database, P2)).containsExactlyInAnyOrder(shared, c);

		// believed active but missing on the server: created again
		String missing = url();
		assertThat(deployment.deploy(changes(change(P1, ProcessState.ACTIVE, ProcessState.ACTIVE)),
				shipped(P1, library(missing)), database)).singleElement().extracting(FhirResourceDeployment.Outcome::method)
				.isEqualTo(HTTPVerb.POST);
		assertThat(stored(missing)).singleElement().extracting(Library::getStatus).isEqualTo(PublicationStatus.ACTIVE);
	}

	@Test
	void aNewProcessExcludedRightAwaySendsNothing()
	{
		BpeDatabase database = BpeDatabase.inMemory("test");
		String url = url();
		assertThat(deployment.deploy(changes(change(P1, ProcessState.NEW, ProcessState.EXCLUDED)),
				shipped(P1, library(url)), database)).isEmpty();
		assertThat(stored(url)).isEmpty();
		assertThat(database.resources()).isEmpty();
	}

	@Test
	void aProcessRetiredAfterItsPluginIsGoneCannotBeUpdated()
	{
		BpeDatabase database = BpeDatabase.inMemory("test");
		String url = url();
		deployment.deploy(changes(change(P1, ProcessState.NEW, ProcessState.ACTIVE)), shipped(P1, library(url)),
				database);

		assertThatThrownBy(() -> deployment.deploy(changes(change(P1, ProcessState.ACTIVE, ProcessState.RETIRED)),
				Map.of(), database)).isInstanceOf(FhirResourceDeployment.DeploymentException.class)
				.hasMessageContaining("Library?url=" + url).hasMessageContaining("no longer shipped");
		assertThat(stored(url)).singleElement().extracting(Library::getStatus).isEqualTo(PublicationStatus.ACTIVE);
	}

	@Test
	void aRefusedEntryFailsTheDeploymentNamingTheEntry()
	{
		BpeDatabase database = BpeDatabase.inMemory("test");
		String url = url();
		Library invalid = library(url);
		invalid.getMeta().getTag().clear(); // no read-access tag: refused by the server

		assertThatThrownBy(() -> deployment.deploy(changes(change(P1, ProcessState.NEW, ProcessState.ACTIVE)),
				shipped(P1, invalid), database)).isInstanceOf(FhirResourceDeployment.DeploymentException.class)
				.hasMessageContaining("Library?url=" + url + "&version=1.0").hasMessageContaining(P1.toString());
		assertThat(database.resources()).as("nothing recorded").isEmpty();
	}
}
