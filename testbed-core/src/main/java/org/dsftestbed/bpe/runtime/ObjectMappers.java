package org.dsftestbed.bpe.runtime;

import java.io.IOException;

import org.hl7.fhir.r4.model.Resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

/**
 * The ObjectMapper DSF 1.9.0 hands to plugins ({@code ObjectMapperFactory}): empty values left out, also inside maps;
 * no auto-detection of fields, setters or creators (getters are detected); FHIR resources written and read as FHIR JSON.
 * As in DSF the resource deserializer is registered for {@code Resource} itself: a property typed as {@code Resource}
 * reads FHIR JSON, one typed as a concrete resource class does not.
 */
public final class ObjectMappers
{
	private ObjectMappers()
	{
	}

	public static ObjectMapper forPlugins(FhirContext fhirContext)
	{
		return JsonMapper.builder()
				.defaultPropertyInclusion(JsonInclude.Value.construct(Include.NON_EMPTY, Include.NON_EMPTY))
				.addModule(fhirModule(fhirContext)).disable(MapperFeature.AUTO_DETECT_CREATORS)
				.disable(MapperFeature.AUTO_DETECT_FIELDS).disable(MapperFeature.AUTO_DETECT_SETTERS).build();
	}

	/** FHIR resources as FHIR JSON in Jackson; also used for DSF's JSON variable values. */
	static SimpleModule fhirModule(FhirContext fhirContext)
	{
		return new SimpleModule("fhir-resources").addSerializer(Resource.class, new ResourceSerializer(fhirContext))
				.addDeserializer(Resource.class, new ResourceDeserializer(fhirContext));
	}

	/**
	 * The FHIR JSON parser DSF uses for resources in plugin JSON and in process variables: versions in references and
	 * resource ids in bundles are kept as they are.
	 */
	static IParser fhirJsonParser(FhirContext fhirContext)
	{
		IParser parser = fhirContext.newJsonParser();
		parser.setStripVersionsFromReferences(false);
		parser.setOverrideResourceIdWithBundleEntryFullUrl(false);
		return parser;
	}

	private static final class ResourceSerializer extends JsonSerializer<Resource>
	{
		private final FhirContext fhirContext;

		ResourceSerializer(FhirContext fhirContext)
		{
			this.fhirContext = fhirContext;
		}

		@Override
		public void serialize(Resource value, JsonGenerator gen, SerializerProvider provider) throws IOException
		{
			gen.writeRawValue(fhirJsonParser(fhirContext).encodeResourceToString(value));
		}
	}

	private static final class ResourceDeserializer extends JsonDeserializer<Resource>
	{
		private final FhirContext fhirContext;

		ResourceDeserializer(FhirContext fhirContext)
		{
			this.fhirContext = fhirContext;
		}

		@Override
		public Resource deserialize(JsonParser p, DeserializationContext ctxt) throws IOException
		{
			return (Resource) fhirJsonParser(fhirContext).parseResource(p.readValueAsTree().toString());
		}
	}
}
