package org.dsftestbed.bpe.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.dsftestbed.time.NetworkClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.dsf.bpe.v1.constants.BpmnExecutionVariables;

/** Deployment, process definitions, message start and correlation: what DSF's BPE does with its engine. */
class OrganizationEngineTest
{
	private static NetworkEngines engines;
	private static int organizations;

	@BeforeAll
	static void createNetwork()
	{
		engines = NetworkEngines.create("engine-test", new NetworkClock());
	}

	@AfterAll
	static void closeNetwork()
	{
		engines.close();
	}

	private static OrganizationEngine newEngine()
	{
		return engines.create(EngineOptions.forOrganization("org" + ++organizations + ".dsf.test"));
	}

	@Test
	void runsADeployedProcessToItsEnd()
	{
		try (OrganizationEngine engine = newEngine())
		{
			engine.deploy("simple.bpmn", Models.simple("dsfdev_simple", "startSimple"));

			ProcessInstance instance = engine.startByMessage("startSimple", "bk-1", Map.of("input", "x"));

			assertThat(instance.isEnded()).isTrue();
			HistoricProcessInstance history = engine.processEngine().getHistoryService()
					.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
			assertThat(history.getBusinessKey()).isEqualTo("bk-1");
			assertThat(history.getEndActivityId()).isEqualTo("end");
			assertThat(engine.runningInstances()).isEmpty();
		}
	}

	@Test
	void isConfiguredAsDsfConfiguresItsEngine()
	{
		try (OrganizationEngine engine = newEngine())
		{
			ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.processEngine()
					.getProcessEngineConfiguration();

			assertThat(engine.processEngine().getName()).isEqualTo(engine.organizationIdentifier());
			assertThat(configuration.getHistoryLevel().getName()).isEqualTo("audit");
			assertThat(configuration.getIdGenerator()).isInstanceOf(StrongUuidGenerator.class);
			assertThat(configuration.isJobExecutorActivate()).isFalse();
			assertThat(configuration.isMetricsEnabled()).isFalse();
			assertThat(engine.isJobExecutionStarted()).isFalse();
		}
	}

	@Test
	void enginesOfOneNetworkAreIsolated()
	{
		try (OrganizationEngine dic = newEngine(); OrganizationEngine hrp = newEngine())
		{
			dic.deploy("simple.bpmn", Models.simple("dsfdev_simple", "startSimple"));

			assertThat(dic.processDefinitions("dsfdev_simple", Models.VERSION)).hasSize(1);
			assertThat(hrp.processDefinitions("dsfdev_simple", Models.VERSION)).isEmpty();
			assertThat(hrp.processEngine().getRepositoryService().createDeploymentQuery().count()).isZero();
			assertThatThrownBy(() -> hrp.startByMessage("startSimple", "bk", Map.of()))
					.isInstanceOf(MismatchingMessageCorrelationException.class);

			// same process in both: instances and history stay apart
			hrp.deploy("simple.bpmn", Models.simple("dsfdev_simple", "startSimple"));
			dic.startByMessage("startSimple", "bk-dic", Map.of());
			dic.startByMessage("startSimple", "bk-dic-2", Map.of());
			hrp.startByMessage("startSimple", "bk-hrp", Map.of());

			assertThat(dic.processEngine().getHistoryService().createHistoricProcessInstanceQuery().list())
					.extracting(HistoricProcessInstance::getBusinessKey)
					.containsExactlyInAnyOrder("bk-dic", "bk-dic-2");
			assertThat(hrp.processEngine().getHistoryService().createHistoricProcessInstanceQuery().list())
					.extracting(HistoricProcessInstance::getBusinessKey).containsExactly("bk-hrp");
		}
	}

	@Test
	void deploysUnderIdAndVersionWithDuplicateFiltering()
	{
		try (OrganizationEngine engine = newEngine())
		{
			// the same file read twice, as on every DSF start
			String xml = Bpmn.convertToString(Models.simple("dsfdev_simple", "startSimple"));
			Deployment first = engine.deploy("bpe/simple.bpmn", Bpmn.readModelFromStream(stream(xml)));
			Deployment again = engine.deploy("bpe/simple.bpmn", Bpmn.readModelFromStream(stream(xml)));

			assertThat(first.getName()).isEqualTo("dsfdev_simple|1.0");
			assertThat(again.getId()).isEqualTo(first.getId());
			assertThat(engine.processEngine().getRepositoryService().getDeploymentResourceNames(first.getId()))
					.containsExactly("bpe/simple.bpmn");
			assertThat(engine.processDefinitions("dsfdev_simple", Models.VERSION))
					.extracting(ProcessDefinition::getVersionTag, ProcessDefinition::getVersion)
					.containsExactly(org.assertj.core.groups.Tuple.tuple("1.0", 1));
		}
	}

	@Test
	void deploysBpmnXml()
	{
		try (OrganizationEngine engine = newEngine())
		{
			String xml = Bpmn.convertToString(Models.simple("dsfdev_xml", "startXml"));

			Deployment deployment = engine.deploy("xml.bpmn", stream(xml));

			assertThat(deployment.getName()).isEqualTo("dsfdev_xml|1.0");
			assertThat(engine.startByMessage("startXml", "bk", Map.of()).isEnded()).isTrue();
		}
	}

	@Test
	void refusesModelsWithoutVersionTag()
	{
		try (OrganizationEngine engine = newEngine())
		{
			BpmnModelInstance noVersion = Bpmn.createExecutableProcess("dsfdev_noversion")
					.camundaHistoryTimeToLive(30).startEvent().endEvent().done();

			assertThatThrownBy(() -> engine.deploy("noversion.bpmn", noVersion))
					.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("versionTag");
		}
	}

	@Test
	void suspendedDefinitionsCannotBeStartedAndActivationBringsThemBack()
	{
		try (OrganizationEngine engine = newEngine())
		{
			// two Camunda versions of one DSF process version, as a redeployed draft plugin gives
			engine.deploy("simple.bpmn", Models.simple("dsfdev_simple", "startSimple"));
			engine.deploy("simple.bpmn", Models.process("dsfdev_simple").startEvent("start").message("startSimple")
					.userTask("changed").endEvent().done());
			List<ProcessDefinition> definitions = engine.processDefinitions("dsfdev_simple", Models.VERSION);
			ProcessDefinition older = definitions.get(0);
			ProcessDefinition newer = definitions.get(1);
			assertThat(engine.activeProcessDefinition("dsfdev_simple", Models.VERSION)).hasValueSatisfying(
					d -> assertThat(d.getId()).isEqualTo(newer.getId()));

			engine.suspendProcessDefinition(newer.getId());

			assertThat(engine.activeProcessDefinition("dsfdev_simple", Models.VERSION)).hasValueSatisfying(
					d -> assertThat(d.getId()).isEqualTo(older.getId()));
			assertThatThrownBy(() -> engine.startByMessage(newer.getId(), "startSimple", "bk", Map.of()))
					.isInstanceOf(ProcessEngineException.class);

			engine.suspendProcessDefinition(older.getId());
			assertThat(engine.activeProcessDefinition("dsfdev_simple", Models.VERSION)).isEmpty();

			engine.activateProcessDefinition(newer.getId());
			ProcessInstance instance = engine.startByMessage(newer.getId(), "startSimple", "bk", Map.of());
			assertThat(instance.getProcessDefinitionId()).isEqualTo(newer.getId());
			assertThat(engine.runningInstances(newer.getId(), "bk")).hasSize(1);
		}
	}

	@Test
	void startsByMessageWithBusinessKeyAndVariables()
	{
		try (OrganizationEngine engine = newEngine())
		{
			engine.deploy("deadline.bpmn", Models.replyWithDeadline());
			ProcessDefinition definition = engine.activeProcessDefinition("dsfdev_deadline", Models.VERSION)
					.orElseThrow();

			ProcessInstance instance = engine.startByMessage(definition.getId(), "startDeadline", "bk-7",
					Map.of("task", "Task/1"));

			assertThat(instance.getBusinessKey()).isEqualTo("bk-7");
			assertThat(engine.runningInstances(definition.getId(), "bk-7")).extracting(ProcessInstance::getId)
					.containsExactly(instance.getId());
			assertThat(engine.processEngine().getRuntimeService().getVariable(instance.getId(), "task"))
					.isEqualTo("Task/1");
			assertThatThrownBy(() -> engine.startByMessage(definition.getId(), "noSuchMessage", "bk-8", Map.of()))
					.isInstanceOf(MismatchingMessageCorrelationException.class);
		}
	}

	@Test
	void correlatesByBusinessKey()
	{
		try (OrganizationEngine engine = newEngine())
		{
			engine.deploy("deadline.bpmn", Models.replyWithDeadline());
			ProcessInstance first = engine.startByMessage("startDeadline", "bk-1", Map.of());
			ProcessInstance second = engine.startByMessage("startDeadline", "bk-2", Map.of());

			MessageCorrelationResult result = engine.correlate("reply", "bk-2", null, Map.of("answer", 42));

			assertThat(result.getExecution().getProcessInstanceId()).isEqualTo(second.getId());
			assertThat(engine.runningInstances()).extracting(ProcessInstance::getId).containsExactly(first.getId());
			assertThat(engine.processEngine().getHistoryService().createHistoricVariableInstanceQuery()
					.processInstanceId(second.getId()).variableName("answer").singleResult().getValue())
					.isEqualTo(42);
			assertThatThrownBy(() -> engine.correlate("reply", "bk-unknown", null, Map.of()))
					.isInstanceOf(MismatchingMessageCorrelationException.class);
		}
	}

	@Test
	void correlatesByLocalCorrelationKeyInMultiInstanceScopes()
	{
		try (OrganizationEngine engine = newEngine())
		{
			engine.deploy("fanout.bpmn", Models.fanOut());
			ProcessInstance instance = engine.startByMessage("startFanout", "bk-fan", Map.of());
			assertThat(correlationKeysWaitingForReply(engine, instance)).containsExactlyInAnyOrder("0", "1", "2");

			// the business key alone matches three executions
			assertThatThrownBy(() -> engine.correlate("reply", "bk-fan", null, Map.of()))
					.isInstanceOf(MismatchingMessageCorrelationException.class);
			// a correlation key that no execution has
			assertThatThrownBy(() -> engine.correlate("reply", "bk-fan", "7", Map.of()))
					.isInstanceOf(MismatchingMessageCorrelationException.class);

			engine.correlate("reply", "bk-fan", "1", Map.of());
			assertThat(correlationKeysWaitingForReply(engine, instance)).containsExactlyInAnyOrder("0", "2");
			assertThatThrownBy(() -> engine.correlate("reply", "bk-fan", "1", Map.of()))
					.isInstanceOf(MismatchingMessageCorrelationException.class);

			engine.correlate("reply", "bk-fan", "0", Map.of());
			engine.correlate("reply", "bk-fan", "2", Map.of());

			assertThat(engine.runningInstances()).isEmpty();
			assertThat(engine.processEngine().getHistoryService().createHistoricProcessInstanceQuery()
					.processInstanceId(instance.getId()).singleResult().getEndActivityId()).isEqualTo("allReplied");
		}
	}

	@Test
	void correlatesByAlternativeBusinessKey()
	{
		try (OrganizationEngine engine = newEngine())
		{
			engine.deploy("deadline.bpmn", Models.replyWithDeadline());
			ProcessDefinition definition = engine.activeProcessDefinition("dsfdev_deadline", Models.VERSION)
					.orElseThrow();
			ProcessInstance instance = engine.startByMessage("startDeadline", "bk-main",
					Map.of(BpmnExecutionVariables.ALTERNATIVE_BUSINESS_KEY, "bk-alt"));

			assertThat(engine.runningInstances(definition.getId(), "bk-alt")).isEmpty();
			assertThat(engine.runningInstancesWithAlternativeBusinessKey(definition.getId(), "bk-alt"))
					.extracting(ProcessInstance::getId).containsExactly(instance.getId());
			assertThatThrownBy(() -> engine.correlate("reply", "bk-alt", null, Map.of()))
					.isInstanceOf(MismatchingMessageCorrelationException.class);

			engine.correlateByAlternativeBusinessKey("reply", "bk-alt", null, Map.of());

			assertThat(engine.runningInstances()).isEmpty();
		}
	}

	private static ByteArrayInputStream stream(String xml)
	{
		return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
	}

	private static List<Object> correlationKeysWaitingForReply(OrganizationEngine engine, ProcessInstance instance)
	{
		var runtime = engine.processEngine().getRuntimeService();
		return runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId("awaitReply").list()
				.stream().map(e -> runtime.getVariableLocal(e.getId(), BpmnExecutionVariables.CORRELATION_KEY))
				.toList();
	}
}
