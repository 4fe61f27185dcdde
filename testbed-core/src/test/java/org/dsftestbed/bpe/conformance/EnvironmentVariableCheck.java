package org.dsftestbed.bpe.conformance;

import static org.dsftestbed.bpe.conformance.Expect.equal;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.variables.Variables;

/**
 * BPE environment variables reach the plugin's {@code @Value} fields: one set as an environment variable, one absent
 * with a default, one of the BPE's own properties ({@code dev.dsf.proxy.url}), one set as a property name.
 */
public class EnvironmentVariableCheck extends ConformanceActivity
{
	private final ConformanceConfig.Environment environment;

	public EnvironmentVariableCheck(ProcessPluginApi api, ConformanceConfig.Environment environment)
	{
		super(api);
		this.environment = environment;
	}

	@Override
	protected void addChecks(Checks checks, DelegateExecution execution, Variables variables)
	{
		checks.add("mandatoryFromEnvironmentVariable",
				() -> equal(ConformanceNetwork.MANDATORY_VALUE, environment.mandatory()))
				.add("optionalFromDefault", () -> equal("default-value", environment.optional()))
				.add("bpePropertyProxyUrl", () -> equal(ConformanceNetwork.PROXY_URL, environment.proxyUrl()))
				.add("propertyNameSpelling", () -> equal(api.getEndpointProvider()
						.getEndpointAddress(ConformanceNetwork.EXTERNAL_ENDPOINT).orElse(null),
						environment.externalAddress()));
	}
}
