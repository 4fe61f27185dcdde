package org.dsftestbed.bpe.twoorg;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.constants.BpmnExecutionVariables;
import dev.dsf.bpe.v1.variables.Target;

/**
 * Copies the target's correlation key into the local variable {@code correlationKey} of the execution that waits for
 * the reply, as DSF's ping-pong {@code SetCorrelationKeyListener} does.
 */
public class SetCorrelationKeyListener implements ExecutionListener
{
	private final ProcessPluginApi api;

	public SetCorrelationKeyListener(ProcessPluginApi api)
	{
		this.api = api;
	}

	@Override
	public void notify(DelegateExecution execution)
	{
		Target target = api.getVariables(execution).getTarget();
		execution.setVariableLocal(BpmnExecutionVariables.CORRELATION_KEY, target.getCorrelationKey());
	}
}
