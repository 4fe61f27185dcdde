package org.dsftestbed.bpe.plugin.testplugin;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A delegate of the test plugin; the loader tests never run it. */
public class SendPong implements JavaDelegate
{
	@Override
	public void execute(DelegateExecution execution)
	{
	}
}
