package org.dsftestbed.bpe.runtime;

import java.io.IOException;

import org.hl7.fhir.r4.model.Resource;

import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import ca.uhn.fhir.context.FhirContext;

/**
 * The ObjectMapper DSF hands to plugins: empty values left out, only annotated properties (no auto-detection of
 * fields, setters or creators), FHIR resources written and read as FHIR JSON.
 */
public final class ObjectMappers
{
	private ObjectMappers()
	{
	}

	public static ObjectMapper forPlugins(FhirContext fhirContext)
	{
		SimpleModule fhir = new SimpleModule("fhir-resources")
		{
			private static final long serialVersionUID = 1L;

			@Override
			public void setupModule(SetupContext context)
			{
				super.setupModule(context);
				context.addDeserializers(new Deserializers.Base()
				{
					@Override
					public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
							BeanDescription beanDesc)
					{
						return Resource.class.isAssignableFrom(type.getRawClass())
								? new ResourceDeserializer(fhirContext)
								: null;
					}
				});
			}
		};
		fhir.addSerializer(Resource.class, new ResourceSerializer(fhirContext));

		return JsonMapper.builder().serializationInclusion(Include.NON_EMPTY)
				.disable(MapperFeature.AUTO_DETECT_CREATORS, MapperFeature.AUTO_DETECT_FIELDS,
						MapperFeature.AUTO_DETECT_SETTERS)
				.addModule(fhir).build();
	}

	private static final class ResourceSerializer extends StdSerializer<Resource>
	{
		private static final long serialVersionUID = 1L;
		private final transient FhirContext fhirContext;

		ResourceSerializer(FhirContext fhirContext)
		{
			super(Resource.class);
			this.fhirContext = fhirContext;
		}

		@Override
		public void serialize(Resource value, JsonGenerator gen, SerializerProvider provider) throws IOException
		{
			gen.writeRawValue(fhirContext.newJsonParser().encodeResourceToString(value));
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
			String json = p.readValueAsTree().toString();
			return (Resource) fhirContext.newJsonParser().parseResource(json);
		}
	}
}
