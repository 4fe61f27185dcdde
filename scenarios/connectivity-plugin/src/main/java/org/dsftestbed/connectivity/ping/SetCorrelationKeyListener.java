package org.dsftestbed.connectivity.ping;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.constants.BpmnExecutionVariables;

/**
 * Puts the target's correlation key into local variable {@code correlationKey} of the execution waiting for its pong:
 * the DSF BPE correlates a pong Task with the waiting execution whose local variable equals the Task's correlation key.
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
		execution.setVariableLocal(BpmnExecutionVariables.CORRELATION_KEY,
				api.getVariables(execution).getTarget().getCorrelationKey());
	}
}
