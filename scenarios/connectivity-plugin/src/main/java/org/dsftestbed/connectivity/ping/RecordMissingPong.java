package org.dsftestbed.connectivity.ping;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.dsftestbed.connectivity.fhir.Connectivity;
import org.dsftestbed.connectivity.fhir.ErrorCodes;
import org.dsftestbed.connectivity.fhir.TargetResults;
import org.dsftestbed.connectivity.fhir.TargetStatus;
import org.hl7.fhir.r4.model.Task;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractServiceDelegate;
import dev.dsf.bpe.v1.variables.Target;
import dev.dsf.bpe.v1.variables.Variables;

/**
 * No pong before the timer ran out: status {@code pong-missing}. The error code tells how far the ping got, read from
 * the ping Task at the target (the sender, its requester, may read it): still {@code requested} means the target's BPE
 * never took it; {@code failed} that its pong process failed; an HTTP code that even the read was refused.
 */
public class RecordMissingPong extends AbstractServiceDelegate
{
	public RecordMissingPong(ProcessPluginApi api)
	{
		super(api);
	}

	@Override
	protected void doExecute(DelegateExecution execution, Variables variables)
	{
		Target target = variables.getTarget();
		String pingTaskId = (String) execution.getVariable(Connectivity.VARIABLE_PING_TASK_ID);
		String pingTaskUrl = target.getEndpointUrl() + "/Task/" + pingTaskId;

		String code;
		String message;
		try
		{
			Task ping = api.getFhirWebserviceClientProvider().getWebserviceClient(target.getEndpointUrl())
					.read(Task.class, pingTaskId);
			code = ErrorCodes.responseTimeout(ping.getStatus());
			message = "No pong from " + target.getOrganizationIdentifierValue() + " in time; ping Task "
					+ pingTaskUrl + " has status " + ping.getStatus().toCode();
		}
		catch (Exception e)
		{
			code = ErrorCodes.responseTimeout(e);
			message = "No pong from " + target.getOrganizationIdentifierValue() + " in time; reading ping Task "
					+ pingTaskUrl + " failed: " + e.getClass().getName() + " - " + e.getMessage();
		}

		Task start = variables.getStartTask();
		TargetResults.addFailure(start, target, TargetStatus.PONG_MISSING, code, message);
		variables.updateTask(start);
	}
}
