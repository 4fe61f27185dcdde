package org.dsftestbed.bpe.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.hl7.fhir.r4.model.Resource;

import ca.uhn.fhir.context.FhirContext;

/**
 * Stores a FHIR resource as DSF's {@code FhirResourceSerializer} does: its class name as text, FHIR JSON (versions in
 * references kept) as bytes; read back as that class, or by the JSON's {@code resourceType} without class name.
 */
final class FhirResourceValueSerializer extends PrimitiveValueSerializer<PrimitiveValue<Resource>>
{
	private final DsfValueType<Resource> type;
	private final FhirContext fhirContext;

	FhirResourceValueSerializer(DsfValueType<Resource> type, FhirContext fhirContext)
	{
		super(type);
		this.type = type;
		this.fhirContext = Objects.requireNonNull(fhirContext, "fhirContext");
	}

	@Override
	public void writeValue(PrimitiveValue<Resource> value, ValueFields valueFields)
	{
		Resource resource = value.getValue();
		if (resource == null)
			return;
		valueFields.setTextValue(resource.getClass().getName());
		valueFields.setByteArrayValue(ObjectMappers.fhirJsonParser(fhirContext).encodeResourceToString(resource)
				.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public PrimitiveValue<Resource> readValue(ValueFields valueFields, boolean asTransientValue)
	{
		byte[] bytes = valueFields.getByteArrayValue();
		if (bytes == null)
			return type.valueOf(null);
		String json = new String(bytes, StandardCharsets.UTF_8);
		String className = valueFields.getTextValue();
		var parser = ObjectMappers.fhirJsonParser(fhirContext);
		if (className == null)
			return type.valueOf((Resource) parser.parseResource(json));
		try
		{
			return type.valueOf(parser.parseResource(Class.forName(className).asSubclass(Resource.class), json));
		}
		catch (ClassNotFoundException e)
		{
			throw new IllegalStateException("FHIR resource class " + className + " of a stored variable not found", e);
		}
	}

	@Override
	public PrimitiveValue<Resource> convertToTypedValue(UntypedValueImpl untypedValue)
	{
		return type.valueOf(type.cast(untypedValue.getValue()));
	}
}
