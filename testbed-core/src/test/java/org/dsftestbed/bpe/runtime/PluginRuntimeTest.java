package org.dsftestbed.bpe.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.dsftestbed.bpe.engine.NetworkEngines;
import org.dsftestbed.bpe.engine.OrganizationEngine;
import org.dsftestbed.bpe.plugin.BpeEnvironment;
import org.dsftestbed.bpe.plugin.DefinitionValues;
import org.dsftestbed.bpe.plugin.LoadedPlugin;
import org.dsftestbed.bpe.plugin.PluginLoadResult;
import org.dsftestbed.bpe.plugin.PluginProcess;
import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.bpe.plugin.ProcessIdAndVersion;
import org.dsftestbed.fhir.context.FhirContexts;
import org.dsftestbed.time.NetworkClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dsf.bpe.v1.activity.DefaultUserTaskListener;

/**
 * Plugins whose classes are compiled by the test into their own directories (not on the test class path), so each
 * plugin version really has its own classes: contexts, bean check, delegates per execution, field injection.
 */
class PluginRuntimeTest
{
	private static final String PACKAGE = "gen.runtime";
	private static final String PROCESS = "testorg_runtime";
	private static final String USER_TASK_PROCESS = "testorg_usertask";

	@TempDir
	static Path directory;

	private static NetworkEngines engines;
	private static OrganizationEngine engine;
	private static PluginRuntime runtime;
	private static List<PluginLoadResult> results;

	@BeforeAll
	static void start() throws Exception
	{
		PluginDelegates delegates = new PluginDelegates();
		PluginSerializers serializers = new PluginSerializers();
		engines = NetworkEngines.create("runtime-test", new NetworkClock());
		engine = engines.create(PluginRuntime.engineOptions("dic.dsf.test", delegates, serializers));

		KeyStore empty = KeyStore.getInstance("PKCS12");
		empty.load(null, null);
		PluginApi api = new PluginApi(
				new FhirConnection("https://dic.dsf.test/fhir", empty, "password".toCharArray(), empty),
				FhirContexts.r4());
		runtime = new PluginRuntime(engine, delegates, serializers, api,
				new BpeEnvironment("dic.dsf.test", Map.of("DEV_DSF_TEST_GREETING", "hello")));

		results = runtime.start(List.of(plugin("1.0", true), plugin("2.0", true), plugin("3.0", false)));
		runtime.deployAll();
	}

	@AfterAll
	static void stop()
	{
		if (runtime != null)
			runtime.close();
		if (engines != null)
			engines.close();
	}

	@Test
	void pluginsWithBeansStartOthersAreRejected()
	{
		assertThat(results.get(0)).isInstanceOf(LoadedPlugin.class);
		assertThat(results.get(1)).isInstanceOf(LoadedPlugin.class);
		// 3.0 has no beans for the classes of testorg_runtime: that process is left out, the user task process stays
		LoadedPlugin third = (LoadedPlugin) results.get(2);
		assertThat(third.processIds()).containsExactly(new ProcessIdAndVersion(USER_TASK_PROCESS, "3.0"));
		assertThat(third.findings()).isNotEmpty();
		assertThat(runtime.startedPlugins()).hasSize(3);
		assertThat(engine.activeProcessDefinition(PROCESS, "3.0")).isEmpty();
	}

	@Test
	void serviceTaskRunsNewPrototypeBeanOfItsOwnPluginVersionWithFieldsInjected()
	{
		Map<String, Object> v1 = run("1.0");
		Map<String, Object> v2 = run("2.0");

		assertThat(v1).containsEntry("result", "1.0|field-1.0|hello|api|true");
		assertThat(v2).containsEntry("result", "2.0|field-2.0|hello|api|true");
		assertThat(v1).containsEntry("listened", "1.0");
		assertThat(v2).containsEntry("listened", "2.0");
		assertThat(v1.get("loader")).isNotEqualTo(v2.get("loader"));
		assertThat((String) v1.get("loader")).endsWith("plugin-1.0.jar");

		// Targets survive the engine's variable storage and read back through the API type
		dev.dsf.bpe.v1.variables.Targets targets = (dev.dsf.bpe.v1.variables.Targets) v1.get("targets");
		assertThat(targets.getEntries()).singleElement().satisfies(t ->
		{
			assertThat(t.getOrganizationIdentifierValue()).isEqualTo("hrp.dsf.test");
			assertThat(t.getCorrelationKey()).isEqualTo("ck");
		});

		Map<String, Object> again = run("1.0");
		assertThat(again.get("instance")).isNotEqualTo(v1.get("instance"));
	}

	@Test
	void userTaskWithoutCreateListenerGetsDefaultUserTaskListener()
	{
		String id = engine.activeProcessDefinition(USER_TASK_PROCESS, "1.0").orElseThrow().getId();
		ProcessDefinitionEntity definition = (ProcessDefinitionEntity) ((RepositoryServiceImpl) engine.processEngine()
				.getRepositoryService()).getDeployedProcessDefinition(id);
		UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) definition.findActivity("approve")
				.getActivityBehavior();
		List<TaskListener> create = behavior.getTaskDefinition().getTaskListeners()
				.get(TaskListener.EVENTNAME_CREATE);
		assertThat(create).hasSize(1);
		assertThat(((PluginTaskListener) create.get(0)).getClassName())
				.isEqualTo(DefaultUserTaskListener.class.getName());
	}

	private static Map<String, Object> run(String version)
	{
		RuntimeService runtimeService = engine.processEngine().getRuntimeService();
		String definitionId = engine.activeProcessDefinition(PROCESS, version).orElseThrow().getId();
		ProcessInstance instance = runtimeService.startProcessInstanceById(definitionId);
		return runtimeService.getVariables(instance.getId());
	}

	private static LoadedPlugin plugin(String version, boolean withBeans) throws IOException
	{
		Path classes = Files.createDirectories(directory.resolve("classes-" + version));
		compile(classes, version, withBeans);
		Path jar = directory.resolve("plugin-" + version + ".jar");
		Files.createDirectories(jar); // the loader names the class loader after the source; classes come from the directory
		URLClassLoader loader = new URLClassLoader(jar.getFileName().toString(), new URL[] { classes.toUri().toURL() },
				PluginRuntimeTest.class.getClassLoader());
		Class<?> config;
		try
		{
			config = loader.loadClass(PACKAGE + ".Config");
		}
		catch (ClassNotFoundException e)
		{
			throw new AssertionError(e);
		}
		DefinitionValues values = new DefinitionValues("runtime-test", version + ".0.0", version, LocalDate.now(),
				LocalDate.now(), List.of(), Map.of(), List.of(config));
		List<PluginProcess> processes = List.of(
				new PluginProcess(new ProcessIdAndVersion(PROCESS, version), "bpe/runtime.bpmn", model(version), List.of()),
				new PluginProcess(new ProcessIdAndVersion(USER_TASK_PROCESS, version), "bpe/usertask.bpmn",
						userTaskModel(version), List.of()));
		return new LoadedPlugin(PluginSource.directory(classes, "plugin-" + version + ".jar"), loader, null, values,
				processes, List.of());
	}

	private static void compile(Path classes, String version, boolean withBeans) throws IOException
	{
		Path sources = Files.createDirectories(directory.resolve("src-" + version).resolve("gen/runtime"));
		String beans = withBeans ? """
				@org.springframework.context.annotation.Bean
				@org.springframework.context.annotation.Scope("prototype")
				public SetResult setResult(dev.dsf.bpe.v1.ProcessPluginApi api) { return new SetResult(api, greeting); }
				@org.springframework.context.annotation.Bean
				@org.springframework.context.annotation.Scope("prototype")
				public Listener listener() { return new Listener(); }
				""" : "";
		Files.writeString(sources.resolve("Config.java"), """
				package gen.runtime;
				@org.springframework.context.annotation.Configuration
				public class Config {
				  @org.springframework.beans.factory.annotation.Value("${dev.dsf.test.greeting:none}")
				  private String greeting;
				  %s
				}
				""".formatted(beans));
		Files.writeString(sources.resolve("SetResult.java"), """
				package gen.runtime;
				import org.camunda.bpm.engine.delegate.*;
				public class SetResult implements JavaDelegate {
				  private final dev.dsf.bpe.v1.ProcessPluginApi api;
				  private final String greeting;
				  private Expression value;
				  public SetResult(dev.dsf.bpe.v1.ProcessPluginApi api, String greeting) { this.api = api; this.greeting = greeting; }
				  public void setValue(Expression value) { this.value = value; }
				  public void execute(DelegateExecution execution) {
				    api.getVariables(execution).setString("result", "%s|" + value.getValue(execution) + "|" + greeting
				        + "|api|" + (api.getTaskHelper() != null));
				    dev.dsf.bpe.v1.variables.Variables variables = api.getVariables(execution);
				    variables.setTargets(variables.createTargets(
				        variables.createTarget("hrp.dsf.test", "hrp_endpoint", "https://hrp.dsf.test/fhir", "ck")));
				    execution.setVariable("instance", System.identityHashCode(this));
				    execution.setVariable("loader", getClass().getClassLoader().getName());
				  }
				}
				""".formatted(version));
		Files.writeString(sources.resolve("Listener.java"), """
				package gen.runtime;
				import org.camunda.bpm.engine.delegate.*;
				public class Listener implements ExecutionListener {
				  public void notify(DelegateExecution execution) { execution.setVariable("listened", "%s"); }
				}
				""".formatted(version));

		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
				System.getProperty("java.class.path")));
		for (String file : List.of("Config.java", "SetResult.java", "Listener.java"))
			args.add(sources.resolve(file).toString());
		int rc = compiler.run(null, null, null, args.toArray(String[]::new));
		assertThat(rc).as("javac").isZero();
	}

	private static BpmnModelInstance model(String version)
	{
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
				    targetNamespace="http://dsf.dev/test">
				  <message id="m" name="never" />
				  <process id="%s" isExecutable="true" camunda:versionTag="%s" camunda:historyTimeToLive="P30D">
				    <startEvent id="start">
				      <extensionElements><camunda:executionListener class="gen.runtime.Listener" event="start" /></extensionElements>
				    </startEvent>
				    <sequenceFlow id="f1" sourceRef="start" targetRef="set" />
				    <serviceTask id="set" camunda:class="gen.runtime.SetResult">
				      <extensionElements><camunda:field name="value"><camunda:string>field-%s</camunda:string></camunda:field></extensionElements>
				    </serviceTask>
				    <sequenceFlow id="f2" sourceRef="set" targetRef="wait" />
				    <intermediateCatchEvent id="wait"><messageEventDefinition messageRef="m" /></intermediateCatchEvent>
				    <sequenceFlow id="f3" sourceRef="wait" targetRef="end" />
				    <endEvent id="end" />
				  </process>
				</definitions>
				""".formatted(PROCESS, version, version);
		return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static BpmnModelInstance userTaskModel(String version)
	{
		return Bpmn.createExecutableProcess(USER_TASK_PROCESS).camundaVersionTag(version).camundaHistoryTimeToLive(30).startEvent()
				.userTask("approve").endEvent().done();
	}
}
