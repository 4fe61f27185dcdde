package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.dsftestbed.fhir.rest.FhirResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;

/** Which requests wrote Tasks, and what their records say about them. */
class TaskSnapshotsTest
{
	private static final String BASE = "https://localhost:4711/fhir";

	private static Task task(TaskStatus status)
	{
		Task task = new Task().setStatus(status).setInstantiatesCanonical("http://dsf.dev/bpe/Process/ping|1.0");
		task.addInput(FhirServerTaskTest.input("message-name", "startPing"));
		return task;
	}

	@Test
	void minimalCreateTakesIdAndVersionFromTheLocation()
	{
		FhirResponse response = FhirResponse.of(201, null).header("Location", BASE + "/Task/abc/_history/1");

		assertThat(TaskSnapshots.written("POST", task(TaskStatus.REQUESTED), response)).singleElement()
				.satisfies(s ->
				{
					assertThat(s.id()).isEqualTo("abc");
					assertThat(s.version()).isEqualTo("1");
					assertThat(s.status()).isEqualTo("requested");
					assertThat(s.messageName()).isEqualTo("startPing");
					assertThat(s.instantiatesCanonical()).isEqualTo("http://dsf.dev/bpe/Process/ping|1.0");
				});
	}

	@Test
	void refusedWritesConditionalCreateMatchesAndReadsWriteNothing()
	{
		Task task = task(TaskStatus.REQUESTED);
		assertThat(TaskSnapshots.written("POST", task, FhirResponse.of(403, new OperationOutcome()))).isEmpty();
		assertThat(TaskSnapshots.written("POST", task, FhirResponse.of(200, new OperationOutcome())
				.header("Location", BASE + "/Task/abc/_history/1"))).as("conditional create found a match").isEmpty();
		assertThat(TaskSnapshots.written("GET", null, FhirResponse.of(200, task.setId("abc")))).isEmpty();
		assertThat(TaskSnapshots.written("POST", new Organization(), FhirResponse.of(201, null))).isEmpty();
	}

	@Test
	void errorOutputsReferencesAndCodingsAreKeptAsText()
	{
		Task failed = task(TaskStatus.FAILED);
		failed.addOutput().setType(new CodeableConcept()).setValue(new org.hl7.fhir.r4.model.StringType("boom"))
				.getType().addCoding().setSystem("http://dsf.dev/fhir/CodeSystem/bpmn-message").setCode("error");
		failed.addOutput().setType(new CodeableConcept()).setValue(new Reference("Binary/1")).getType().addCoding()
				.setSystem("http://example.org").setCode("result");
		failed.addOutput().setType(new CodeableConcept())
				.setValue(new org.hl7.fhir.r4.model.Coding("http://example.org/status", "pong-received", null))
				.getType().addCoding().setSystem("http://example.org").setCode("ping-status");
		FhirResponse response = FhirResponse.of(200, null).header("Location", BASE + "/Task/abc/_history/3");

		TaskSnapshot snapshot = TaskSnapshots.written("PUT", failed, response).get(0);

		assertThat(snapshot.errors()).containsExactly("boom");
		assertThat(snapshot.outputs()).extracting(TaskSnapshot.Output::code, TaskSnapshot.Output::value)
				.containsExactly(tuple("error", "boom"),
						tuple("result", "Binary/1"), tuple("ping-status", "pong-received"));
	}

	@Test
	void batchEntriesThatStoredTasksAreSnapshotsInOrder()
	{
		Bundle request = new Bundle().setType(Bundle.BundleType.BATCH);
		request.addEntry().setResource(task(TaskStatus.DRAFT)).getRequest().setMethod(HTTPVerb.POST).setUrl("Task");
		request.addEntry().setResource(new Organization()).getRequest().setMethod(HTTPVerb.POST).setUrl("Organization");
		request.addEntry().setResource(task(TaskStatus.DRAFT)).getRequest().setMethod(HTTPVerb.POST).setUrl("Task");
		request.addEntry().setResource(task(TaskStatus.DRAFT)).getRequest().setMethod(HTTPVerb.PUT).setUrl("Task?identifier=x");
		Bundle answer = new Bundle().setType(Bundle.BundleType.BATCHRESPONSE);
		answer.addEntry().getResponse().setStatus("201 Created").setLocation(BASE + "/Task/t1/_history/1");
		answer.addEntry().getResponse().setStatus("201 Created").setLocation(BASE + "/Organization/o/_history/1");
		answer.addEntry().getResponse().setStatus("403 Forbidden");
		answer.addEntry().getResponse().setStatus("200 OK").setLocation(BASE + "/Task/t2/_history/4");

		assertThat(TaskSnapshots.written("POST", request, FhirResponse.of(200, answer)))
				.extracting(TaskSnapshot::id, TaskSnapshot::version, TaskSnapshot::status)
				.containsExactly(tuple("t1", "1", "draft"),
						tuple("t2", "4", "draft"));
	}
}
