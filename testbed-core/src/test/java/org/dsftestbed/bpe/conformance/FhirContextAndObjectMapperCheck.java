package org.dsftestbed.bpe.conformance;

import static org.dsftestbed.bpe.conformance.Expect.equal;
import static org.dsftestbed.bpe.conformance.Expect.isTrue;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.variables.Variables;

/**
 * {@code FhirContext} (R4, parses and encodes) and the API's {@code ObjectMapper}: empty values left out, only
 * annotated properties, FHIR resources as FHIR JSON inside plugin JSON (spec §5.10).
 */
public class FhirContextAndObjectMapperCheck extends ConformanceActivity
{
	/** A plugin's JSON type, annotated the way DSF plugins annotate theirs. */
	public static final class Payload
	{
		@JsonProperty("name")
		private final String name;
		@JsonProperty("tags")
		private final List<String> tags;
		@JsonProperty("attributes")
		private final Map<String, String> attributes;
		/** Typed as DSF plugins type them: DSF's module registers its deserializer for {@code Resource} only. */
		@JsonProperty("patient")
		private final Resource patient;
		private final String notAnnotated = "hidden";

		@JsonCreator
		public Payload(@JsonProperty("name") String name, @JsonProperty("tags") List<String> tags,
				@JsonProperty("attributes") Map<String, String> attributes, @JsonProperty("patient") Resource patient)
		{
			this.name = name;
			this.tags = tags;
			this.attributes = attributes;
			this.patient = patient;
		}

		public String getNotAnnotated()
		{
			return notAnnotated;
		}
	}

	public FhirContextAndObjectMapperCheck(ProcessPluginApi api)
	{
		super(api);
	}

	@Override
	protected void addChecks(Checks checks, DelegateExecution execution, Variables variables)
	{
		ObjectMapper mapper = api.getObjectMapper();
		Patient patient = new Patient();
		patient.setId("p1");
		patient.addName().setFamily("Doe");

		checks.add("fhirContextRoundTrip", () ->
		{
			var parser = api.getFhirContext().newJsonParser();
			Patient parsed = parser.parseResource(Patient.class, parser.encodeResourceToString(patient));
			equal("Doe", parsed.getNameFirstRep().getFamily());
			var xml = api.getFhirContext().newXmlParser();
			equal("Doe", xml.parseResource(Patient.class, xml.encodeResourceToString(patient)).getNameFirstRep()
					.getFamily());
		}).add("objectMapperLeavesOutEmptyValues", () ->
		{
			JsonNode json = mapper.readTree(mapper.writeValueAsString(new Payload("n", List.of(), Map.of(), null)));
			equal("n", json.path("name").asText());
			isTrue(!json.has("tags") && !json.has("attributes") && !json.has("patient"),
					"empty list, empty map and null left out, found " + json);
		}).add("objectMapperLeavesOutEmptyMapValues", () ->
		{
			JsonNode json = mapper
					.readTree(mapper.writeValueAsString(new Payload(null, null, Map.of("empty", "", "full", "x"), null)));
			equal("{\"full\":\"x\"}", json.path("attributes").toString());
		}).add("objectMapperUsesGettersButNotFields", () ->
		{
			JsonNode json = mapper.readTree(mapper.writeValueAsString(new Payload("n", List.of("a"), null, null)));
			isTrue(json.has("notAnnotated"), "public getters to be auto-detected (only fields, setters and creators"
					+ " are not), found " + json);
		}).add("objectMapperWritesFhirJson", () ->
		{
			JsonNode json = mapper.readTree(mapper.writeValueAsString(new Payload("n", null, null, patient)));
			equal("Patient", json.get("patient").get("resourceType").asText());
			equal("Doe", json.get("patient").get("name").get(0).get("family").asText());
		}).add("objectMapperReadsFhirJson", () ->
		{
			Payload read = mapper.readValue(mapper.writeValueAsString(new Payload("n", List.of("a"), Map.of("k", "v"), patient)),
					Payload.class);
			equal("n", read.name);
			equal(List.of("a"), read.tags);
			equal(Map.of("k", "v"), read.attributes);
			equal("Doe", ((Patient) read.patient).getNameFirstRep().getFamily());
		});
	}
}
