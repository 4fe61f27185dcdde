package org.dsftestbed.bpe.failure;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractServiceDelegate;
import dev.dsf.bpe.v1.variables.Variables;

/** Fails with an exception that is not a BpmnError: DSF fails the in-progress Tasks and deletes the instance. */
public class ThrowException extends AbstractServiceDelegate
{
	public static final String MESSAGE = "deliberate failure of the testbed's failure plugin";

	public ThrowException(ProcessPluginApi api)
	{
		super(api);
	}

	@Override
	protected void doExecute(DelegateExecution execution, Variables variables)
	{
		throw new IllegalStateException(MESSAGE);
	}
}
