package org.dsftestbed.bpe.failure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractServiceDelegate;
import dev.dsf.bpe.v1.variables.Variables;

/** On the error boundary event's path: output {@value FailurePlugin#BPMN_ERROR_HANDLED} on the start Task. */
public class RecordBpmnError extends AbstractServiceDelegate
{
	public RecordBpmnError(ProcessPluginApi api)
	{
		super(api);
	}

	@Override
	protected void doExecute(DelegateExecution execution, Variables variables)
	{
		Task start = variables.getStartTask();
		start.addOutput(api.getTaskHelper().createOutput(new StringType(ThrowBpmnError.ERROR_CODE),
				FailurePlugin.CODE_SYSTEM, FailurePlugin.BPMN_ERROR_HANDLED));
		variables.updateTask(start);
	}
}
