package org.dsftestbed.bpe.plugin.testplugin;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/** An execution listener of the test plugin; the loader tests never run it. */
public class LogTarget implements ExecutionListener
{
	@Override
	public void notify(DelegateExecution execution)
	{
	}
}
