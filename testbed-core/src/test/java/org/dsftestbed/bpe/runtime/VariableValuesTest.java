package org.dsftestbed.bpe.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.dsftestbed.bpe.engine.NetworkEngines;
import org.dsftestbed.bpe.engine.OrganizationEngine;
import org.dsftestbed.fhir.context.FhirContexts;
import org.dsftestbed.time.NetworkClock;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.dsf.bpe.v1.variables.Targets;

/**
 * DSF 1.9.0's variable types: the Target JSON of DSF's {@code TargetsJsonSerializationTest}, and every type stored by a
 * real engine and read back after a wait state.
 */
class VariableValuesTest
{
	private static final String PROCESS = "dsfdev_variables";

	private final ObjectMapper mapper = ObjectMappers.forPlugins(FhirContexts.r4());

	private static NetworkEngines engines;
	private static OrganizationEngine engine;

	@BeforeAll
	static void startEngine()
	{
		engines = NetworkEngines.create("variables-test", new NetworkClock());
		engine = engines.create(
				PluginRuntime.engineOptions("dic.dsf.test", new PluginDelegates(), new PluginSerializers()));
		engine.deploy("variables.bpmn", Bpmn.createExecutableProcess(PROCESS).camundaVersionTag("1.0")
				.camundaHistoryTimeToLive(30).startEvent().receiveTask("wait").message("continue").endEvent().done());
	}

	@AfterAll
	static void stopEngine()
	{
		if (engines != null)
			engines.close();
	}

	private static TargetValue target(String correlationKey)
	{
		return new TargetValue("target.org", "endpoint.target.org", "https://endpoint.target.org/fhir", correlationKey);
	}

	@Test
	void targetJsonHasDsfsPropertiesEmptyOnesLeftOut() throws Exception
	{
		assertThat(mapper.writeValueAsString(target("c-1"))).isEqualTo(
				"{\"organizationIdentifierValue\":\"target.org\",\"endpointIdentifierValue\":\"endpoint.target.org\","
						+ "\"endpointUrl\":\"https://endpoint.target.org/fhir\",\"correlationKey\":\"c-1\"}");
		assertThat(mapper.writeValueAsString(new TargetsValue(List.of(target(null))))).isEqualTo(
				"{\"entries\":[{\"organizationIdentifierValue\":\"target.org\",\"endpointIdentifierValue\":"
						+ "\"endpoint.target.org\",\"endpointUrl\":\"https://endpoint.target.org/fhir\"}]}");
		assertThat(mapper.writeValueAsString(new TargetsValue(List.of()))).isEqualTo("{}");
	}

	@Test
	void targetsRoundTripThroughJson() throws Exception
	{
		TargetsValue targets = new TargetsValue(List.of(target("c-1"), target(null)));

		Targets read = mapper.readValue(mapper.writeValueAsString(targets), TargetsValue.class);

		assertThat(read).isEqualTo(targets);
		assertThat(mapper.readValue("{}", TargetsValue.class).isEmpty()).isTrue();
	}

	@Test
	void legacyPropertyNamesOfOlderDsfVersionsAreRead() throws Exception
	{
		String old = "{\"entries\":[{\"targetOrganizationIdentifierValue\":\"target.org\",\"endpointIdentifierValue\":"
				+ "\"endpoint.target.org\",\"targetEndpointUrl\":\"https://endpoint.target.org/fhir\"}]}";

		assertThat(mapper.readValue(old, TargetsValue.class).getEntries()).containsExactly(target(null));
	}

	@Test
	void everyTypeIsStoredAsJsonAndReadBackAfterAWaitState()
	{
		Task task = new Task();
		task.setId("Task/t1/_history/2");
		task.setFocus(new Reference("Patient/p1/_history/3"));
		Map<String, Object> variables = new HashMap<>();
		variables.put("target", VariableValues.target(target("c-1")));
		variables.put("targets", VariableValues.targets(new TargetsValue(List.of(target("c-1"), target(null)))));
		variables.put("task", VariableValues.resource(task));
		variables.put("resources", VariableValues.resources(List.of(new Patient().setActive(true), task)));

		String id = engine.processEngine().getRuntimeService().startProcessInstanceByKey(PROCESS, variables).getId();
		RuntimeService runtime = engine.processEngine().getRuntimeService();

		assertThat(runtime.getVariable(id, "target")).isEqualTo(target("c-1"));
		assertThat(((Targets) runtime.getVariable(id, "targets")).getEntries()).containsExactly(target("c-1"),
				target(null));
		Task readTask = (Task) runtime.getVariable(id, "task");
		assertThat(readTask.getIdElement().getIdPart()).isEqualTo("t1");
		assertThat(readTask.getFocus().getReference()).isEqualTo("Patient/p1/_history/3");
		List<Resource> resources = VariableValues.resourcesOf(runtime.getVariable(id, "resources"));
		assertThat(resources).hasSize(2);
		assertThat(((Patient) resources.get(0)).getActive()).isTrue();

		assertThat(typeAndJson(id, "target")).containsExactly("targetimpl",
				"{\"organizationIdentifierValue\":\"target.org\",\"endpointIdentifierValue\":\"endpoint.target.org\","
						+ "\"endpointUrl\":\"https://endpoint.target.org/fhir\",\"correlationKey\":\"c-1\"}");
		assertThat(typeAndJson(id, "targets").get(0)).isEqualTo("targetsimpl");
		assertThat(typeAndJson(id, "task")).satisfiesExactly(type -> assertThat(type).isEqualTo("resource"),
				json -> assertThat(json).startsWith("{\"resourceType\":\"Task\""));
		assertThat(typeAndJson(id, "resources")).satisfiesExactly(
				type -> assertThat(type).isEqualTo("fhirresourceslist"),
				json -> assertThat(json).startsWith("{\"resources\":[{\"resourceType\":\"Patient\""));
	}

	/**
	 * DSF leaves Camunda's {@code javaSerializationFormatEnabled} off, which only refuses Java-serialized values coming
	 * in serialized (REST); a plugin's own Serializable object is still stored Java-serialized, here as in DSF.
	 */
	@Test
	void otherSerializableObjectsAreStillJavaSerialized()
	{
		Map<String, Object> variables = Map.of("list", new ArrayList<>(List.of("a")));

		String id = engine.processEngine().getRuntimeService().startProcessInstanceByKey(PROCESS, variables).getId();

		assertThat(engine.processEngine().getRuntimeService().getVariable(id, "list")).isEqualTo(List.of("a"));
		assertThat(typeAndJson(id, "list").get(0)).isEqualTo("object");
		assertThat(((ProcessEngineConfigurationImpl) engine.processEngine().getProcessEngineConfiguration())
				.isJavaSerializationFormatEnabled()).isFalse();
	}

	@Test
	void aResourceListVariableOfAnotherTypeIsNoResourceList()
	{
		String id = engine.processEngine().getRuntimeService()
				.startProcessInstanceByKey(PROCESS, Map.of("text", "not a list")).getId();

		assertThatThrownBy(() -> VariableValues.resourcesOf(engine.processEngine().getRuntimeService().getVariable(id,
				"text"))).isInstanceOf(ClassCastException.class);
	}

	/** The stored variable's type name and its bytes as text, read in a command of the engine. */
	private static List<String> typeAndJson(String processInstanceId, String name)
	{
		VariableInstance variable = engine.processEngine().getRuntimeService().createVariableInstanceQuery()
				.processInstanceIdIn(processInstanceId).variableName(name).singleResult();
		var configuration = (ProcessEngineConfigurationImpl) engine.processEngine().getProcessEngineConfiguration();
		byte[] bytes = configuration.getCommandExecutorTxRequired().execute(context -> context
				.getDbEntityManager().selectById(VariableInstanceEntity.class, variable.getId()).getByteArrayValue());
		return List.of(variable.getTypeName(), new String(bytes, StandardCharsets.UTF_8));
	}
}
