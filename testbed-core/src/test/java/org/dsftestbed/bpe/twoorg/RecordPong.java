package org.dsftestbed.bpe.twoorg;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractServiceDelegate;
import dev.dsf.bpe.v1.variables.Variables;

/** Adds an output to the start Task naming the pong Task received; the end listener writes it with status completed. */
public class RecordPong extends AbstractServiceDelegate
{
	public RecordPong(ProcessPluginApi api)
	{
		super(api);
	}

	@Override
	protected void doExecute(DelegateExecution execution, Variables variables)
	{
		Task pong = variables.getLatestTask();
		Task start = variables.getStartTask();
		start.addOutput(api.getTaskHelper().createOutput(
				new StringType(api.getTaskHelper().getLocalVersionlessAbsoluteUrl(pong)),
				TwoOrgPingPlugin.CODE_SYSTEM, TwoOrgPingPlugin.PONG_RECEIVED));
		variables.updateTask(start);
	}
}
