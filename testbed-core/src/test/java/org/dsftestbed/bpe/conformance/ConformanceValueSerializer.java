package org.dsftestbed.bpe.conformance;

import java.util.Map;

import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.impl.type.PrimitiveValueTypeImpl;
import org.camunda.bpm.engine.variable.impl.value.PrimitiveTypeValueImpl;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The plugin's own variable type and its serializer bean, which the BPE registers with the engine under
 * {@code <jar file name>/conformancevalue} (spec §5.5). Stores {@code name|count} as text.
 */
public class ConformanceValueSerializer extends PrimitiveValueSerializer<PrimitiveValue<ConformanceValueSerializer.Value>>
{
	public static final String TYPE_NAME = "conformancevalue";

	/** The plugin's value. */
	public record Value(String name, int count)
	{
	}

	private static final class ValueType extends PrimitiveValueTypeImpl
	{
		private static final long serialVersionUID = 1L;

		ValueType()
		{
			super(TYPE_NAME, Value.class);
		}

		@Override
		public TypedValue createValue(Object value, Map<String, Object> valueInfo)
		{
			return typed((Value) value);
		}
	}

	private static final ValueType TYPE = new ValueType();

	public ConformanceValueSerializer()
	{
		super(TYPE);
	}

	public static PrimitiveValue<Value> typed(Value value)
	{
		return new PrimitiveTypeValueImpl<>(value, TYPE);
	}

	@Override
	public void writeValue(PrimitiveValue<Value> value, ValueFields valueFields)
	{
		if (value.getValue() != null)
			valueFields.setTextValue(value.getValue().name() + "|" + value.getValue().count());
	}

	@Override
	public PrimitiveValue<Value> readValue(ValueFields valueFields, boolean asTransientValue)
	{
		String text = valueFields.getTextValue();
		if (text == null)
			return typed(null);
		int bar = text.lastIndexOf('|');
		return typed(new Value(text.substring(0, bar), Integer.parseInt(text.substring(bar + 1))));
	}

	@Override
	public PrimitiveValue<Value> convertToTypedValue(UntypedValueImpl untypedValue)
	{
		return typed((Value) untypedValue.getValue());
	}
}
