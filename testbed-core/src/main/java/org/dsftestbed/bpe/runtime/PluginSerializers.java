package org.dsftestbed.bpe.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.variable.serializer.AbstractTypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializerFactory;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The plugins' own Camunda {@code TypedValueSerializer} beans, where the engine looks for serializers it does not know
 * itself (DSF 1.9.0's {@code FallbackSerializerFactoryImpl}, spec §5.5). Each is registered under
 * {@code <plugin source name>/<serializer name>} (DSF: the plugin class loader's name, i.e. the jar file name), so a
 * stored variable is tied to the jar it was written by. For a value to store, the serializers of the plugin whose
 * class loader defined the value's type (primitive values) or the value's class (others) are asked, first able first.
 */
public final class PluginSerializers implements VariableSerializerFactory
{
	/** A plugin's serializer under the name the engine stores with its variables. */
	static final class NamedSerializer<T extends TypedValue> extends AbstractTypedValueSerializer<T>
	{
		private final String name;
		private final TypedValueSerializer<T> delegate;

		NamedSerializer(String pluginName, TypedValueSerializer<T> delegate)
		{
			super(delegate.getType());
			this.name = pluginName + "/" + delegate.getName();
			this.delegate = delegate;
		}

		@Override
		public String getName()
		{
			return name;
		}

		@Override
		public void writeValue(T value, ValueFields valueFields)
		{
			delegate.writeValue(value, valueFields);
		}

		@Override
		public T readValue(ValueFields valueFields, boolean deserializeValue, boolean isTransient)
		{
			return delegate.readValue(valueFields, deserializeValue, isTransient);
		}

		@Override
		public T convertToTypedValue(UntypedValueImpl untypedValue)
		{
			return delegate.convertToTypedValue(untypedValue);
		}

		@Override
		public boolean canHandle(TypedValue value)
		{
			return delegate.canHandle(value);
		}

		@Override
		protected boolean canWriteValue(TypedValue value)
		{
			return delegate.canHandle(value);
		}

		ClassLoader typeClassLoader()
		{
			return delegate.getType().getClass().getClassLoader();
		}
	}

	private final Map<String, List<NamedSerializer<?>>> byPlugin = new ConcurrentHashMap<>();
	private final Map<String, NamedSerializer<?>> byName = new ConcurrentHashMap<>();

	/** Registers a started plugin's serializer beans under its source name. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public void register(String pluginName, List<TypedValueSerializer> serializers)
	{
		Objects.requireNonNull(pluginName, "pluginName");
		List<NamedSerializer<?>> named = new ArrayList<>();
		for (TypedValueSerializer serializer : serializers)
			named.add(new NamedSerializer(pluginName, serializer));
		named.forEach(s -> byName.put(s.getName(), s));
		byPlugin.put(pluginName, named);
	}

	public void unregister(String pluginName)
	{
		List<NamedSerializer<?>> removed = byPlugin.remove(pluginName);
		if (removed != null)
			removed.forEach(s -> byName.remove(s.getName()));
	}

	/** The registered names, e.g. {@code my-plugin-1.0.0.0.jar/myvalue}. */
	public List<String> names()
	{
		return byName.keySet().stream().sorted().toList();
	}

	@Override
	public TypedValueSerializer<?> getSerializer(String serializerName)
	{
		return serializerName == null ? null : byName.get(serializerName);
	}

	@Override
	public TypedValueSerializer<?> getSerializer(TypedValue value)
	{
		ClassLoader classLoader = definingClassLoader(value);
		if (classLoader == null)
			return null;
		return byPlugin.values().stream().flatMap(List::stream).filter(s -> s.typeClassLoader() == classLoader)
				.filter(s -> s.canHandle(value)).findFirst().orElse(null);
	}

	private static ClassLoader definingClassLoader(TypedValue value)
	{
		if (value == null)
			return null;
		if (value instanceof PrimitiveValue<?>)
			return value.getType().getClass().getClassLoader();
		return value.getValue() == null ? null : value.getValue().getClass().getClassLoader();
	}
}
