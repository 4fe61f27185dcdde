package org.dsftestbed.connectivity.pong;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.dsftestbed.connectivity.fhir.Connectivity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractServiceDelegate;
import dev.dsf.bpe.v1.constants.CodeSystems.BpmnMessage;
import dev.dsf.bpe.v1.variables.Variables;

/**
 * The pong goes to the ping's requester at the Endpoint the ping names ({@code sender-endpoint}), looked up on the
 * local allow list, with the ping's correlation key.
 */
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
				.orElseThrow(() -> new IllegalArgumentException("ping from " + requester + " has no correlation-key"));
		String endpoint = api.getTaskHelper()
				.getFirstInputParameterValue(ping, Connectivity.CODE_SYSTEM, Connectivity.SENDER_ENDPOINT,
						Reference.class)
				.filter(Reference::hasIdentifier).map(r -> r.getIdentifier().getValue())
				.orElseThrow(() -> new IllegalArgumentException(
						"ping from " + requester + " has no " + Connectivity.SENDER_ENDPOINT + " input"));
		String address = api.getEndpointProvider().getEndpointAddress(endpoint)
				.orElseThrow(() -> new IllegalStateException("sender endpoint " + endpoint + " of the ping from "
						+ requester + " is not an active Endpoint on the allow list"));
		variables.setTarget(variables.createTarget(requester, endpoint, address, correlationKey));
	}
}
