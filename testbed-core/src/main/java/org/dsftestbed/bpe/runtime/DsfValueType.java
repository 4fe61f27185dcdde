package org.dsftestbed.bpe.runtime;

import java.util.Map;

import org.camunda.bpm.engine.variable.impl.type.PrimitiveValueTypeImpl;
import org.camunda.bpm.engine.variable.impl.value.PrimitiveTypeValueImpl;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * One of DSF's custom Camunda primitive value types (Target, Targets, FHIR resource, FHIR resource list), named as
 * DSF's are (Camunda names a type after its Java class: {@code targetimpl}, {@code targetsimpl}, {@code resource},
 * {@code fhirresourceslist}), so {@code getVariableTyped(..).getType().getName()} gives a plugin what it gives in DSF.
 */
final class DsfValueType<T> extends PrimitiveValueTypeImpl
{
	private static final long serialVersionUID = 1L;

	private final Class<T> valueClass;

	DsfValueType(String name, Class<T> valueClass)
	{
		super(name, valueClass);
		this.valueClass = valueClass;
	}

	PrimitiveValue<T> valueOf(T value)
	{
		return new PrimitiveTypeValueImpl<>(value, this);
	}

	T cast(Object value)
	{
		return valueClass.cast(value);
	}

	@Override
	public TypedValue createValue(Object value, Map<String, Object> valueInfo)
	{
		return valueOf(cast(value));
	}
}
