package org.dsftestbed.bpe.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Stores a value of one of DSF's types as JSON bytes written by the plugins' ObjectMapper, as DSF's
 * {@code TargetSerializer}, {@code TargetsSerializer} and {@code FhirResourcesListSerializer} do; no bytes read back
 * as {@code null}.
 */
final class JsonValueSerializer<T> extends PrimitiveValueSerializer<PrimitiveValue<T>>
{
	private final DsfValueType<T> type;
	private final Class<T> valueClass;
	private final ObjectMapper objectMapper;

	JsonValueSerializer(DsfValueType<T> type, Class<T> valueClass, ObjectMapper objectMapper)
	{
		super(type);
		this.type = type;
		this.valueClass = valueClass;
		this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
	}

	@Override
	public void writeValue(PrimitiveValue<T> value, ValueFields valueFields)
	{
		if (value.getValue() == null)
			return;
		try
		{
			valueFields.setTextValue(valueClass.getName());
			valueFields.setByteArrayValue(objectMapper.writeValueAsBytes(value.getValue()));
		}
		catch (IOException e)
		{
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public PrimitiveValue<T> readValue(ValueFields valueFields, boolean asTransientValue)
	{
		byte[] bytes = valueFields.getByteArrayValue();
		try
		{
			return type.valueOf(bytes == null || bytes.length == 0 ? null : objectMapper.readValue(bytes, valueClass));
		}
		catch (IOException e)
		{
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public PrimitiveValue<T> convertToTypedValue(UntypedValueImpl untypedValue)
	{
		return type.valueOf(type.cast(untypedValue.getValue()));
	}
}
