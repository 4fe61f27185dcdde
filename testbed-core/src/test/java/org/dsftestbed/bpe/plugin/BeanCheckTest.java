package org.dsftestbed.bpe.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PING;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PING_BPMN;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PONG;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dsftestbed.bpe.plugin.testplugin.ConfirmPongListener;
import org.dsftestbed.bpe.plugin.testplugin.LogTarget;
import org.dsftestbed.bpe.plugin.testplugin.PingTestConfig;
import org.dsftestbed.bpe.plugin.testplugin.SelectTargets;
import org.dsftestbed.bpe.plugin.testplugin.SendPing;
import org.dsftestbed.bpe.plugin.testplugin.SendPong;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** The check that needs the plugin's Spring context (spec §5.3, bean checks), against a fake context. */
class BeanCheckTest extends PluginTests
{
	/** A context holding one prototype bean per class of the test plugin, changeable per test. */
	private static final class FakeBeans implements PluginBeans
	{
		final Map<Class<?>, List<String>> namesByType = new HashMap<>();
		final Set<String> prototypes = new HashSet<>();
		final List<Class<?>> askedFor = new ArrayList<>();

		FakeBeans()
		{
			for (Class<?> type : List.of(SelectTargets.class, SendPing.class, LogTarget.class,
					ConfirmPongListener.class, SendPong.class))
				add(type, type.getSimpleName(), true);
		}

		FakeBeans add(Class<?> type, String name, boolean prototype)
		{
			namesByType.computeIfAbsent(type, t -> new ArrayList<>()).add(name);
			if (prototype)
				prototypes.add(name);
			return this;
		}

		@Override
		public List<String> beanNamesForType(Class<?> type)
		{
			askedFor.add(type);
			return namesByType.getOrDefault(type, List.of());
		}

		@Override
		public boolean isPrototype(String beanName)
		{
			return prototypes.contains(beanName);
		}
	}

	private LoadedPlugin plugin()
	{
		return loaded(load(TestPlugin.ping()));
	}

	@Test
	void aPluginWhoseClassesArePrototypeBeansKeepsAllProcesses()
	{
		LoadedPlugin checked = loaded(BeanCheck.apply(plugin(), new FakeBeans()));

		assertThat(checked.findings()).isEmpty();
		assertThat(checked.processIds()).hasSize(2);
	}

	@Test
	void looksAtTasksEventsAndListenersAlsoInSubProcesses()
	{
		FakeBeans beans = new FakeBeans();

		BeanCheck.apply(plugin(), beans);

		// service task, throw event and send task (both SendPing), execution listener in the sub-process,
		// user task listener, message end event
		assertThat(beans.askedFor).containsExactlyInAnyOrder(SelectTargets.class, SendPing.class, SendPing.class,
				LogTarget.class, ConfirmPongListener.class, SendPong.class);
	}

	@Test
	void aProcessWhoseClassHasNoBeanIsLeftOut()
	{
		FakeBeans beans = new FakeBeans();
		beans.namesByType.remove(SendPong.class);

		LoadedPlugin checked = loaded(BeanCheck.apply(plugin(), beans));

		assertThat(checked.processIds()).extracting(ProcessIdAndVersion::id).containsExactly(PING);
		assertThat(rules(checked)).containsExactly(Rule.PROCESS_BEANS);
		assertThat(messages(checked)).containsExactly(JAR + ": bpe/pong.bpmn: process dsfdev_pong|1.0, element"
				+ " SendPong:"
				+ " no bean of type org.dsftestbed.bpe.plugin.testplugin.SendPong in the plugin's Spring context");
		assertThat(checked.fhirResources()).containsOnlyKeys(new ProcessIdAndVersion(PING, "1.0"));
	}

	@Test
	void aClassWithTwoBeansIsNotUnique()
	{
		LoadedPlugin checked = loaded(BeanCheck.apply(plugin(), new FakeBeans().add(LogTarget.class, "second", true)));

		assertThat(checked.processIds()).extracting(ProcessIdAndVersion::id).containsExactly(PONG);
		assertThat(checked.findings().get(0).message()).contains("element WaitForPong: 2 beans of type");
	}

	@Test
	void aSingletonBeanIsNotEnough()
	{
		FakeBeans beans = new FakeBeans();
		beans.prototypes.remove("ConfirmPongListener");

		LoadedPlugin checked = loaded(BeanCheck.apply(plugin(), beans));

		assertThat(checked.findings().get(0).message())
				.endsWith("bean 'ConfirmPongListener' is not of prototype scope");
	}

	@Test
	void theClassMustImplementTheInterfaceItsElementCalls()
	{
		TestPlugin plugin = TestPlugin.ping().replace(PING_BPMN,
				"camunda:class=\"org.dsftestbed.bpe.plugin.testplugin.SelectTargets\"",
				"camunda:class=\"org.dsftestbed.bpe.plugin.testplugin.ConfirmPongListener\"");

		LoadedPlugin checked = loaded(BeanCheck.apply(loaded(load(plugin)), new FakeBeans()));

		assertThat(checked.findings().get(0).message()).endsWith(
				"org.dsftestbed.bpe.plugin.testplugin.ConfirmPongListener does not implement"
						+ " org.camunda.bpm.engine.delegate.JavaDelegate");
	}

	@Test
	void theClassMustLoad()
	{
		TestPlugin plugin = TestPlugin.ping().replace(PING_BPMN,
				"camunda:class=\"org.dsftestbed.bpe.plugin.testplugin.SelectTargets\"",
				"camunda:class=\"org.example.Missing\"");

		LoadedPlugin checked = loaded(BeanCheck.apply(loaded(load(plugin)), new FakeBeans()));

		assertThat(rules(checked)).containsExactly(Rule.PROCESS_BEANS);
		assertThat(checked.findings().get(0).message()).contains("class org.example.Missing cannot be loaded");
	}

	@Test
	void aPluginLeftWithoutProcessesIsRejected()
	{
		FakeBeans beans = new FakeBeans();
		beans.prototypes.clear();

		RejectedPlugin rejected = rejected(BeanCheck.apply(plugin(), beans));

		assertThat(rejected.reasons()).extracting(Finding::rule).containsExactly(Rule.VALID_PROCESS);
	}

	@Test
	void acceptsTheTestPluginsRealSpringContext()
	{
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(PingTestConfig.class))
		{
			LoadedPlugin checked = loaded(BeanCheck.apply(plugin(), PluginBeans.of(context)));

			assertThat(checked.findings()).isEmpty();
		}
	}

	@Test
	void theEngineRejectsAPluginWhoseContextFails()
	{
		RejectedPlugin rejected = plugin().rejectForSpringContext(new IllegalStateException("bean x failed"));

		assertThat(messages(rejected))
				.containsExactly(JAR + ": Spring context cannot be created: java.lang.IllegalStateException"
						+ " - bean x failed");
	}
}
