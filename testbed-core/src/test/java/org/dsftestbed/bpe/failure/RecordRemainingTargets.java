package org.dsftestbed.bpe.failure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractServiceDelegate;
import dev.dsf.bpe.v1.variables.Target;
import dev.dsf.bpe.v1.variables.Variables;

/** After the multi-instance send: one output {@value FailurePlugin#REMAINING_TARGET} per target still in targets. */
public class RecordRemainingTargets extends AbstractServiceDelegate
{
	public RecordRemainingTargets(ProcessPluginApi api)
	{
		super(api);
	}

	@Override
	protected void doExecute(DelegateExecution execution, Variables variables)
	{
		Task start = variables.getStartTask();
		for (Target target : variables.getTargets().getEntries())
			start.addOutput(api.getTaskHelper().createOutput(new StringType(target.getOrganizationIdentifierValue()),
					FailurePlugin.CODE_SYSTEM, FailurePlugin.REMAINING_TARGET));
		variables.updateTask(start);
	}
}
