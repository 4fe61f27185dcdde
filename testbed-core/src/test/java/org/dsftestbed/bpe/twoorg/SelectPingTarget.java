package org.dsftestbed.bpe.twoorg;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractServiceDelegate;
import dev.dsf.bpe.v1.variables.Variables;

/**
 * Sets the target of the ping with a new correlation key; {@link SetCorrelationKeyListener} makes it the waiting
 * execution's {@code correlationKey} so that the pong correlates.
 */
public class SelectPingTarget extends AbstractServiceDelegate
{
	private final String targetOrganization;

	public SelectPingTarget(ProcessPluginApi api, String targetOrganization)
	{
		super(api);
		this.targetOrganization = targetOrganization;
	}

	@Override
	protected void doExecute(DelegateExecution execution, Variables variables)
	{
		String correlationKey = UUID.randomUUID().toString();
		variables.setTarget(Targets.of(api, variables, targetOrganization, correlationKey));
	}
}
