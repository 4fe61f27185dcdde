package org.dsftestbed.bpe.plugin.testplugin;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/** A user task listener of the test plugin; the loader tests never run it. */
public class ConfirmPongListener implements TaskListener
{
	@Override
	public void notify(DelegateTask delegateTask)
	{
	}
}
