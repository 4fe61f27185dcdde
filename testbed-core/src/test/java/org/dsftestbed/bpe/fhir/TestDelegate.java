package org.dsftestbed.bpe.fhir;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A plain delegate counting its executions. */
public class TestDelegate implements JavaDelegate
{
	static final AtomicInteger executions = new AtomicInteger();

	@Override
	public void execute(DelegateExecution execution)
	{
		executions.incrementAndGet();
	}
}
