package org.dsftestbed.bpe.conformance;

import static org.dsftestbed.bpe.conformance.Expect.equal;
import static org.dsftestbed.bpe.conformance.Expect.isTrue;
import static org.dsftestbed.bpe.conformance.Expect.throwsA;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.variables.Variables;

/**
 * The proxy settings of the BPE environment ({@code DEV_DSF_PROXY_*}) as DSF 1.9.0 reports them. Unlike DSF 2.x's test
 * a URL without host ({@code localhost:1234}) is no no-proxy URL rather than an error, as 1.9.0's
 * {@code ProxyConfigImpl} does.
 */
public class ProxyCheck extends ConformanceActivity
{
	public ProxyCheck(ProcessPluginApi api)
	{
		super(api);
	}

	@Override
	protected void addChecks(Checks checks, DelegateExecution execution, Variables variables)
	{
		var proxy = api.getProxyConfig();
		checks.add("isEnabled", () -> isTrue(proxy.isEnabled(), "proxy enabled"))
				.add("getUrl", () -> equal(ConformanceNetwork.PROXY_URL, proxy.getUrl()))
				.add("getUsername", () -> equal(ConformanceNetwork.PROXY_USERNAME, proxy.getUsername()))
				.add("getPassword", () -> equal(ConformanceNetwork.PROXY_PASSWORD.toCharArray(), proxy.getPassword()))
				.add("getNoProxyUrls", () -> equal(List.of("localhost", "noproxy:443"), proxy.getNoProxyUrls()))
				.add("isNoProxyUrl", () ->
				{
					isTrue(proxy.isNoProxyUrl("https://localhost"), "https://localhost to be a no-proxy URL");
					isTrue(proxy.isNoProxyUrl("http://localhost"), "http://localhost to be a no-proxy URL");
					isTrue(proxy.isNoProxyUrl("http://localhost:8080"), "http://localhost:8080 to be a no-proxy URL");
					isTrue(proxy.isNoProxyUrl("https://noproxy"), "https://noproxy (port 443) to be a no-proxy URL");
					isTrue(!proxy.isNoProxyUrl("http://noproxy"), "http://noproxy (port 80) to use the proxy");
					isTrue(!proxy.isNoProxyUrl("http://noproxy:8080"), "http://noproxy:8080 to use the proxy");
					isTrue(!proxy.isNoProxyUrl("foo"), "foo (no host) not to be a no-proxy URL");
					isTrue(!proxy.isNoProxyUrl("localhost:1234"), "localhost:1234 (no host) not to be a no-proxy URL");
					isTrue(!proxy.isNoProxyUrl(null), "null not to be a no-proxy URL");
				})
				.add("isNoProxyUrlUnknownScheme",
						() -> throwsA(IllegalArgumentException.class, () -> proxy.isNoProxyUrl("ftp://localhost")));
	}
}
