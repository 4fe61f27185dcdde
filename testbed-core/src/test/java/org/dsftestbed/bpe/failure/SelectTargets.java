package org.dsftestbed.bpe.failure;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.dsftestbed.bpe.twoorg.Targets;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractServiceDelegate;
import dev.dsf.bpe.v1.variables.Variables;

/**
 * Sets {@code target} to the organization configured as {@code dev.dsf.testbed.failure.target} and {@code targets} to
 * those of {@code dev.dsf.testbed.failure.targets}, each with its Endpoint from the local FHIR server and no
 * correlation key (nothing answers).
 */
public class SelectTargets extends AbstractServiceDelegate
{
	private final String target;
	private final List<String> targets;

	public SelectTargets(ProcessPluginApi api, String target, List<String> targets)
	{
		super(api);
		this.target = target;
		this.targets = targets;
	}

	@Override
	protected void doExecute(DelegateExecution execution, Variables variables)
	{
		if (!target.isEmpty())
			variables.setTarget(Targets.of(api, variables, target, null));
		variables.setTargets(
				variables.createTargets(targets.stream().map(t -> Targets.of(api, variables, t, null)).toList()));
	}
}
