package org.dsftestbed.bpe.conformance;

import static org.dsftestbed.bpe.conformance.Expect.equal;
import static org.dsftestbed.bpe.conformance.Expect.isTrue;
import static org.dsftestbed.bpe.conformance.Expect.notNull;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.constants.BpmnExecutionVariables;
import dev.dsf.bpe.v1.variables.Target;
import dev.dsf.bpe.v1.variables.Targets;
import dev.dsf.bpe.v1.variables.Variables;
import org.dsftestbed.bpe.conformance.SetVariablesCheck.Values;

/**
 * Second half of the {@code Variables} activity, after an asynchronous continuation: what {@link SetVariablesCheck}
 * set comes back from the engine's database, Targets work as DSF's, and the Task getters see the start Task.
 */
public class ReadVariablesCheck extends ConformanceActivity
{
	public ReadVariablesCheck(ProcessPluginApi api)
	{
		super(api);
	}

	@Override
	protected void addChecks(Checks checks, DelegateExecution execution, Variables variables)
	{
		checks.add("readAfterAsyncContinuation", () -> isTrue(
				execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
						.processInstanceId(execution.getProcessInstanceId()).count() == 1,
				"the process instance to be persisted")).add("primitiveValues", () ->
				{
					equal(Values.STRING, variables.getString("conformance.string"));
					equal(Values.INTEGER, variables.getInteger("conformance.integer"));
					equal(Values.LONG, variables.getLong("conformance.long"));
					equal(Values.SHORT, variables.getShort("conformance.short"));
					equal(Values.DOUBLE, variables.getDouble("conformance.double"));
					equal(Boolean.TRUE, variables.getBoolean("conformance.boolean"));
					equal(Values.BYTES, variables.getByteArray("conformance.bytes"));
					equal(Values.DATE, variables.getDate("conformance.date"));
					equal(null, variables.getNumber("conformance.number"));
					equal(null, variables.getString("conformance.never-set"));
				}).add("resource", () ->
				{
					Patient patient = variables.getResource("conformance.resource");
					equal(Values.PATIENT_FAMILY, patient.getNameFirstRep().getFamily());
				}).add("resourceList", () ->
				{
					List<Resource> resources = variables.getResourceList("conformance.resources");
					equal(2, resources.size());
					equal("one", ((Organization) resources.get(0)).getName());
					equal(true, ((Patient) resources.get(1)).getActive());
				}).add("target", () ->
				{
					Target target = variables.getTarget();
					notNull(target, "the target");
					equal(ConformanceNetwork.EXTERNAL, target.getOrganizationIdentifierValue());
					equal(ConformanceNetwork.EXTERNAL_ENDPOINT, target.getEndpointIdentifierValue());
					equal("https://external.example/fhir", target.getEndpointUrl());
					equal("correlation-1", target.getCorrelationKey());
					isTrue(variables.getVariable(BpmnExecutionVariables.TARGET) instanceof Target,
							"variable 'target' to be a Target, as BPMN expressions use it");
				}).add("targets", () ->
				{
					Targets targets = variables.getTargets();
					equal(2, targets.getEntries().size());
					equal(ConformanceNetwork.EXTERNAL, targets.getEntries().get(0).getOrganizationIdentifierValue());
					equal(ConformanceNetwork.LOCAL_ENDPOINT, targets.getEntries().get(1).getEndpointIdentifierValue());
					equal(null, targets.getEntries().get(1).getCorrelationKey());
					Targets fewer = targets.removeByEndpointIdentifierValue(ConformanceNetwork.EXTERNAL_ENDPOINT);
					equal(1, fewer.getEntries().size());
					equal(2, targets.getEntries().size());
					isTrue(targets.removeByEndpointIdentifierValue(targets.getEntries().get(0))
							.removeAllByEndpointIdentifierValue(List.of(ConformanceNetwork.LOCAL_ENDPOINT)).isEmpty(),
							"all targets removed");
				}).add("pluginValueBySerializerBeanOfThePlugin", () ->
				{
					equal(new ConformanceValueSerializer.Value("own", 3), variables.getVariable("conformance.own"));
					VariableInstanceEntity stored = (VariableInstanceEntity) execution.getProcessEngineServices()
							.getRuntimeService().createVariableInstanceQuery()
							.processInstanceIdIn(execution.getProcessInstanceId()).variableName("conformance.own")
							.singleResult();
					equal(ConformanceNetwork.PLUGIN_JAR + "/" + ConformanceValueSerializer.TYPE_NAME,
							stored.getSerializerName());
				}).add("dsfValueTypeNames", () ->
				{
					var runtime = execution.getProcessEngineServices().getRuntimeService();
					equal("targetimpl", runtime.getVariableTyped(execution.getId(), BpmnExecutionVariables.TARGET)
							.getType().getName());
					equal("targetsimpl", runtime.getVariableTyped(execution.getId(), BpmnExecutionVariables.TARGETS)
							.getType().getName());
					equal("resource", runtime.getVariableTyped(execution.getId(), "conformance.resource").getType()
							.getName());
					equal("fhirresourceslist", runtime.getVariableTyped(execution.getId(), "conformance.resources")
							.getType().getName());
				}).add("alternativeBusinessKey", () -> equal("alternative-key",
						variables.getVariable(BpmnExecutionVariables.ALTERNATIVE_BUSINESS_KEY)))
				.add("tasks", () ->
				{
					Task start = variables.getStartTask();
					String id = start.getIdElement().getIdPart();
					equal(id, variables.getLatestTask().getIdElement().getIdPart());
					equal(List.of(id), variables.getTasks().stream().map(t -> t.getIdElement().getIdPart()).toList());
					equal(List.of(id),
							variables.getCurrentTasks().stream().map(t -> t.getIdElement().getIdPart()).toList());
					isTrue(start.getOutput().stream().anyMatch(o -> ConformanceNetwork.SUCCEEDED
							.equals(o.getType().getCodingFirstRep().getCode())),
							"outputs stored before the continuation with updateTask to be on the start Task");
				}).add("questionnaireResponseNoneReceived",
						() -> equal(null, variables.getLatestReceivedQuestionnaireResponse()));
	}
}
