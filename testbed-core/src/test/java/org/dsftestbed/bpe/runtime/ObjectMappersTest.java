package org.dsftestbed.bpe.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.dsftestbed.fhir.context.FhirContexts;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The plugins' ObjectMapper behaves as DSF 1.9.0's {@code ObjectMapperFactory} builds it. */
class ObjectMappersTest
{
	private final ObjectMapper mapper = ObjectMappers.forPlugins(FhirContexts.r4());

	public static final class Payload
	{
		@JsonProperty("attributes")
		final Map<String, String> attributes;
		@JsonProperty("resource")
		final Resource resource;

		@JsonCreator
		public Payload(@JsonProperty("attributes") Map<String, String> attributes,
				@JsonProperty("resource") Resource resource)
		{
			this.attributes = attributes;
			this.resource = resource;
		}
	}

	public static final class ConcretelyTyped
	{
		@JsonProperty("patient")
		final Patient patient;

		@JsonCreator
		public ConcretelyTyped(@JsonProperty("patient") Patient patient)
		{
			this.patient = patient;
		}
	}

	@Test
	void emptyValuesAreLeftOutAlsoInsideMaps() throws Exception
	{
		assertThat(mapper.writeValueAsString(new Payload(Map.of("empty", "", "full", "x"), null)))
				.isEqualTo("{\"attributes\":{\"full\":\"x\"}}");
		assertThat(mapper.writeValueAsString(new Payload(Map.of(), null))).isEqualTo("{}");
		assertThat(mapper.writeValueAsString(List.of())).isEqualTo("[]");
	}

	@Test
	void resourcesRoundTripAsFhirJsonKeepingVersionedReferences() throws Exception
	{
		Task task = new Task();
		task.setId("t1");
		task.setFocus(new Reference("Patient/p1/_history/2"));

		String json = mapper.writeValueAsString(new Payload(null, task));
		assertThat(json).contains("\"resourceType\":\"Task\"").contains("Patient/p1/_history/2");

		Payload read = mapper.readValue(json, Payload.class);
		assertThat(read.resource).isInstanceOf(Task.class);
		assertThat(((Task) read.resource).getFocus().getReference()).isEqualTo("Patient/p1/_history/2");
	}

	@Test
	void aPropertyOfAConcreteResourceTypeIsNotReadAsFhirJson()
	{
		assertThatThrownBy(() -> mapper.readValue("{\"patient\":{\"resourceType\":\"Patient\",\"active\":true}}",
				ConcretelyTyped.class)).isInstanceOf(JsonMappingException.class);
	}
}
