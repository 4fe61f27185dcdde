package org.dsftestbed.bpe.twoorg;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hl7.fhir.r4.model.Task;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractServiceDelegate;
import dev.dsf.bpe.v1.constants.CodeSystems.BpmnMessage;
import dev.dsf.bpe.v1.variables.Variables;

/** The pong goes to the ping's requester, with the ping's correlation key (DSF's SelectPongTarget). */
public class SelectPongTarget extends AbstractServiceDelegate
{
	public SelectPongTarget(ProcessPluginApi api)
	{
		super(api);
	}

	@Override
	protected void doExecute(DelegateExecution execution, Variables variables)
	{
		Task ping = variables.getStartTask();
		String requester = ping.getRequester().getIdentifier().getValue();
		String correlationKey = api.getTaskHelper()
				.getFirstInputParameterStringValue(ping, BpmnMessage.URL, BpmnMessage.correlationKey().getCode())
				.orElse(null);
		variables.setTarget(Targets.of(api, variables, requester, correlationKey));
	}
}
