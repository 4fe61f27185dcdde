package org.dsftestbed.bpe.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.impl.type.PrimitiveValueTypeImpl;
import org.camunda.bpm.engine.variable.impl.value.PrimitiveTypeValueImpl;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.dsftestbed.bpe.engine.NetworkEngines;
import org.dsftestbed.bpe.engine.OrganizationEngine;
import org.dsftestbed.time.NetworkClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A plugin's own {@code TypedValueSerializer} serves the engine under {@code <plugin>/<serializer name>} (DSF 1.9.0's
 * {@code FallbackSerializerFactoryImpl}): its values are stored and read back across a wait state, and the stored
 * variable needs that plugin to be read.
 */
class PluginSerializersTest
{
	private static final String PROCESS = "dsfdev_pluginvalues";
	private static final String PLUGIN = "colour-plugin-1.0.0.0.jar";

	/** A plugin's value class and its Camunda primitive type. */
	public record Colour(String name)
	{
	}

	static final class ColourType extends PrimitiveValueTypeImpl
	{
		private static final long serialVersionUID = 1L;

		ColourType()
		{
			super("colour", Colour.class);
		}

		@Override
		public TypedValue createValue(Object value, Map<String, Object> valueInfo)
		{
			return new PrimitiveTypeValueImpl<>((Colour) value, this);
		}
	}

	static final ColourType COLOUR = new ColourType();

	/** Stores a colour as its name in the text field, as a plugin's serializer would. */
	static final class ColourSerializer extends PrimitiveValueSerializer<PrimitiveValue<Colour>>
	{
		ColourSerializer()
		{
			super(COLOUR);
		}

		@Override
		public void writeValue(PrimitiveValue<Colour> value, ValueFields valueFields)
		{
			valueFields.setTextValue(value.getValue().name());
		}

		@Override
		public PrimitiveValue<Colour> readValue(ValueFields valueFields, boolean asTransientValue)
		{
			return new PrimitiveTypeValueImpl<>(new Colour(valueFields.getTextValue()), COLOUR);
		}

		@Override
		public PrimitiveValue<Colour> convertToTypedValue(UntypedValueImpl untypedValue)
		{
			return new PrimitiveTypeValueImpl<>((Colour) untypedValue.getValue(), COLOUR);
		}
	}

	private static final PluginSerializers serializers = new PluginSerializers();
	private static NetworkEngines engines;
	private static OrganizationEngine engine;

	@BeforeAll
	static void startEngine()
	{
		engines = NetworkEngines.create("plugin-serializers-test", new NetworkClock());
		engine = engines.create(PluginRuntime.engineOptions("dic.dsf.test", new PluginDelegates(), serializers));
		engine.deploy("values.bpmn", Bpmn.createExecutableProcess(PROCESS).camundaVersionTag("1.0")
				.camundaHistoryTimeToLive(30).startEvent().receiveTask("wait").message("continue").endEvent().done());
	}

	@AfterAll
	static void stopEngine()
	{
		if (engines != null)
			engines.close();
	}

	@Test
	void aPluginTypeIsStoredByThePluginsSerializerAndReadBack()
	{
		serializers.register(PLUGIN, List.of(new ColourSerializer()));
		try
		{
			RuntimeService runtime = engine.processEngine().getRuntimeService();
			String id = runtime.startProcessInstanceByKey(PROCESS,
					Map.of("colour", new PrimitiveTypeValueImpl<>(new Colour("green"), COLOUR))).getId();

			assertThat(serializers.names()).containsExactly(PLUGIN + "/colour");
			assertThat(runtime.getVariable(id, "colour")).isEqualTo(new Colour("green"));
			assertThat(runtime.getVariableTyped(id, "colour").getType().getName()).isEqualTo("colour");
			assertThat(storedSerializerAndText(id)).containsExactly(PLUGIN + "/colour", "green");
		}
		finally
		{
			serializers.unregister(PLUGIN);
		}
	}

	@Test
	void withoutThePluginItsValuesCanNeitherBeStoredNorRead()
	{
		RuntimeService runtime = engine.processEngine().getRuntimeService();
		Map<String, Object> variables = Map.of("colour", new PrimitiveTypeValueImpl<>(new Colour("red"), COLOUR));
		assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PROCESS, variables))
				.isInstanceOf(ProcessEngineException.class);

		serializers.register(PLUGIN, List.of(new ColourSerializer()));
		String id = runtime.startProcessInstanceByKey(PROCESS, variables).getId();
		serializers.unregister(PLUGIN);

		assertThat(serializers.names()).isEmpty();
		assertThatThrownBy(() -> runtime.getVariable(id, "colour")).isInstanceOf(ProcessEngineException.class);

		serializers.register("another-plugin-1.0.0.0.jar", List.of(new ColourSerializer()));
		try
		{
			assertThatThrownBy(() -> runtime.getVariable(id, "colour")).as("stored under another jar's name")
					.isInstanceOf(ProcessEngineException.class);
		}
		finally
		{
			serializers.unregister("another-plugin-1.0.0.0.jar");
		}
	}

	private static List<String> storedSerializerAndText(String processInstanceId)
	{
		String variableId = engine.processEngine().getRuntimeService().createVariableInstanceQuery()
				.processInstanceIdIn(processInstanceId).variableName("colour").singleResult().getId();
		var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.processEngine()
				.getProcessEngineConfiguration();
		return configuration.getCommandExecutorTxRequired().execute(context ->
		{
			VariableInstanceEntity variable = context.getDbEntityManager().selectById(VariableInstanceEntity.class,
					variableId);
			return List.of(variable.getSerializerName(), variable.getTextValue());
		});
	}
}
