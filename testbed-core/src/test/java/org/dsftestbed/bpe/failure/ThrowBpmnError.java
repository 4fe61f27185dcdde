package org.dsftestbed.bpe.failure;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractServiceDelegate;
import dev.dsf.bpe.v1.variables.Variables;

/** Throws a BpmnError, which DSF passes on to the engine: the error boundary event's path is taken. */
public class ThrowBpmnError extends AbstractServiceDelegate
{
	public static final String ERROR_CODE = "testbed-error";

	public ThrowBpmnError(ProcessPluginApi api)
	{
		super(api);
	}

	@Override
	protected void doExecute(DelegateExecution execution, Variables variables)
	{
		throw new BpmnError(ERROR_CODE, "deliberate BPMN error of the testbed's failure plugin");
	}
}
