package org.dsftestbed.bpe.conformance;

import static org.dsftestbed.bpe.conformance.Expect.equal;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.variables.Variables;

/**
 * The negative case: one check that holds and one that cannot (it expects the wrong local organization), so the test
 * sees that a failing check is reported as {@code test-method-failed} and the Task still completes.
 */
public class DeliberateFailureCheck extends ConformanceActivity
{
	public static final String HOLDS = "localOrganizationIsTestOrganization";
	public static final String FAILS = "localOrganizationIsExternal";

	public DeliberateFailureCheck(ProcessPluginApi api)
	{
		super(api);
	}

	@Override
	protected void addChecks(Checks checks, DelegateExecution execution, Variables variables)
	{
		var organizations = api.getOrganizationProvider();
		checks.add(HOLDS, () -> equal(Optional.of(ConformanceNetwork.LOCAL),
				organizations.getLocalOrganizationIdentifierValue()))
				.add(FAILS, () -> equal(Optional.of(ConformanceNetwork.EXTERNAL),
						organizations.getLocalOrganizationIdentifierValue()));
	}
}
