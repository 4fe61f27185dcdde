package org.dsftestbed.connectivity.ping;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.dsftestbed.connectivity.fhir.TargetResults;
import org.hl7.fhir.r4.model.Task;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractServiceDelegate;
import dev.dsf.bpe.v1.variables.Variables;

/** The target's pong arrived: status {@code pong-received} on the start Task. */
public class RecordPong extends AbstractServiceDelegate
{
	public RecordPong(ProcessPluginApi api)
	{
		super(api);
	}

	@Override
	protected void doExecute(DelegateExecution execution, Variables variables)
	{
		Task start = variables.getStartTask();
		TargetResults.addPongReceived(start, variables.getTarget());
		variables.updateTask(start);
	}
}
