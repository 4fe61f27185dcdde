package org.dsftestbed.connectivity.ping;

import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.dsftestbed.connectivity.fhir.Connectivity;
import org.dsftestbed.connectivity.fhir.ErrorCodes;
import org.dsftestbed.connectivity.fhir.TargetResults;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResourceType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.ParameterComponent;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractTaskMessageSend;
import dev.dsf.bpe.v1.constants.NamingSystems.EndpointIdentifier;
import dev.dsf.bpe.v1.variables.Variables;
import dev.dsf.fhir.client.FhirWebserviceClient;

/**
 * Sends the ping Task to one target, naming the local Endpoint for the pong. A failed send does not fail the process
 * (as DSF's default for a multi-instance send task would not either): the target's status and error code go onto the
 * start Task and local variable {@code pingSent} is false, so that this target's branch ends without waiting.
 */
public class SendPing extends AbstractTaskMessageSend
{
	/** Set by {@link #doSend}; a new instance per execution (prototype bean). */
	private IdType sentTask;

	public SendPing(ProcessPluginApi api)
	{
		super(api);
	}

	@Override
	protected void doExecute(DelegateExecution execution, Variables variables) throws Exception
	{
		sentTask = null;
		super.doExecute(execution, variables);
		if (sentTask != null)
		{
			execution.setVariableLocal(Connectivity.VARIABLE_PING_SENT, true);
			execution.setVariableLocal(Connectivity.VARIABLE_PING_TASK_ID, sentTask.getIdPart());
		}
	}

	@Override
	protected Stream<ParameterComponent> getAdditionalInputParameters(DelegateExecution execution, Variables variables)
	{
		String localEndpoint = api.getEndpointProvider().getLocalEndpointIdentifierValue()
				.orElseThrow(() -> new IllegalStateException("local Endpoint has no endpoint identifier"));
		Reference sender = new Reference().setType(ResourceType.Endpoint.name())
				.setIdentifier(EndpointIdentifier.withValue(localEndpoint));
		return Stream.of(api.getTaskHelper().createInput(sender, Connectivity.CODE_SYSTEM,
				Connectivity.SENDER_ENDPOINT));
	}

	@Override
	protected IdType doSend(FhirWebserviceClient client, Task task)
	{
		sentTask = super.doSend(client, task);
		return sentTask;
	}

	@Override
	protected void handleSendTaskError(DelegateExecution execution, Variables variables, Exception exception,
			String errorMessage)
	{
		ErrorCodes.SendFailure failure = ErrorCodes.sendFailure(exception);
		Task start = variables.getStartTask();
		TargetResults.addFailure(start, variables.getTarget(), failure.status(), failure.code(), errorMessage);
		variables.updateTask(start);
		execution.setVariableLocal(Connectivity.VARIABLE_PING_SENT, false);
	}
}
