package org.dsftestbed.bpe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.DefaultBpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializerFactory;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.dsftestbed.time.NetworkClock;
import org.junit.jupiter.api.Test;

/** The places where the BPE hooks into Camunda, as DSF's does, reach the engine they are given to and no other. */
class EngineOptionsTest
{
	static final class NamedStringSerializer extends StringValueSerializer
	{
		@Override
		public String getName()
		{
			return "testbed-string";
		}
	}

	static final class NoFallback implements VariableSerializerFactory
	{
		@Override
		public TypedValueSerializer<?> getSerializer(String serializerName)
		{
			return null;
		}

		@Override
		public TypedValueSerializer<?> getSerializer(TypedValue value)
		{
			return null;
		}
	}

	@Test
	void parseListenersParseFactorySerializersAndCustomizersReachTheirEngine()
	{
		List<String> parsedProcesses = new CopyOnWriteArrayList<>();
		AtomicInteger parses = new AtomicInteger();
		NoFallback fallback = new NoFallback();

		try (NetworkEngines engines = NetworkEngines.create("options-test", new NetworkClock()))
		{
			OrganizationEngine dic = engines.create(EngineOptions.forOrganization("dic.dsf.test")
					.withBpmnParseListener(new AbstractBpmnParseListener()
					{
						@Override
						public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition)
						{
							parsedProcesses.add(processDefinition.getKey());
						}
					}).withBpmnParseFactory(parser ->
					{
						parses.incrementAndGet();
						return new DefaultBpmnParseFactory().createBpmnParse(parser);
					}).withVariableSerializer(new NamedStringSerializer()).withFallbackSerializerFactory(fallback)
					.withConfiguration(c -> c.setDefaultNumberOfRetries(5)));
			OrganizationEngine plain = engines.create(EngineOptions.forOrganization("cos.dsf.test"));

			dic.deploy("simple.bpmn", Models.simple("dsfdev_simple", "startSimple"));
			plain.deploy("simple.bpmn", Models.simple("dsfdev_other", "startOther"));

			assertThat(parsedProcesses).containsExactly("dsfdev_simple");
			assertThat(parses).hasPositiveValue();

			ProcessEngineConfigurationImpl configuration = configuration(dic);
			assertThat(configuration.getVariableSerializers().getSerializerIndexByName("testbed-string"))
					.as("before Camunda's own").isZero();
			assertThat(configuration.getFallbackSerializerFactory()).isSameAs(fallback);
			assertThat(configuration.getDefaultNumberOfRetries()).isEqualTo(5);

			assertThat(configuration(plain).getVariableSerializers().getSerializerByName("testbed-string")).isNull();
			assertThat(configuration(plain).getDefaultNumberOfRetries()).isEqualTo(3);
		}
	}

	private static ProcessEngineConfigurationImpl configuration(OrganizationEngine engine)
	{
		return (ProcessEngineConfigurationImpl) engine.processEngine().getProcessEngineConfiguration();
	}
}
