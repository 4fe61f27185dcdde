package org.dsftestbed.bpe.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.dsftestbed.bpe.plugin.BpeEnvironment;
import org.junit.jupiter.api.Test;

/** DSF 1.9.0's forward proxy settings as plugins see them ({@code ProxyConfigImpl}). */
class ProxySettingsTest
{
	private static ProxySettings from(Map<String, String> environment)
	{
		return ProxySettings.from(new BpeEnvironment(null, environment).springEnvironment());
	}

	@Test
	void readsTheEnvironmentVariablesOfDsf()
	{
		ProxySettings proxy = from(Map.of("DEV_DSF_PROXY_URL", "http://proxy:8080", "DEV_DSF_PROXY_USERNAME",
				"proxy_username", "DEV_DSF_PROXY_PASSWORD", "proxy_password", "DEV_DSF_PROXY_NOPROXY",
				" localhost, noproxy:443,other\nlast "));

		assertThat(proxy.getUrl()).isEqualTo("http://proxy:8080");
		assertThat(proxy.isEnabled()).isTrue();
		assertThat(proxy.getUsername()).isEqualTo("proxy_username");
		assertThat(proxy.getPassword()).isEqualTo("proxy_password".toCharArray());
		assertThat(proxy.getNoProxyUrls()).containsExactly("localhost", "noproxy:443", "other", "last");
		assertThat(proxy.toString()).doesNotContain("proxy_password");
	}

	@Test
	void nothingConfiguredIsDisabledWithAnEmptyList()
	{
		ProxySettings proxy = from(Map.of());

		assertThat(proxy.getUrl()).isNull();
		assertThat(proxy.isEnabled()).isFalse();
		assertThat(proxy.getUsername()).isNull();
		assertThat(proxy.getPassword()).isNull();
		assertThat(proxy.getNoProxyUrls()).isEmpty();
		assertThat(proxy.isNoProxyUrl("https://localhost/fhir")).isFalse();
	}

	@Test
	void anInvalidProxyUrlIsDropped()
	{
		assertThat(from(Map.of("DEV_DSF_PROXY_URL", "ftp://proxy:21")).getUrl()).isNull();
		assertThat(from(Map.of("DEV_DSF_PROXY_URL", "not a url")).getUrl()).isNull();
	}

	@Test
	void starTurnsTheProxyOffForEveryUrl()
	{
		ProxySettings proxy = new ProxySettings("http://proxy:8080", null, null, List.of("*"));

		assertThat(proxy.isEnabled()).isFalse();
		assertThat(proxy.isNoProxyUrl("ftp://anything")).isTrue();
	}

	@Test
	void noProxyMatchesHostParentDomainAndPort()
	{
		ProxySettings proxy = new ProxySettings("http://proxy:8080", null, null,
				List.of("localhost", "noproxy:443", "foo.bar", "test.com:8080"));

		assertThat(proxy.isNoProxyUrl("https://localhost")).isTrue();
		assertThat(proxy.isNoProxyUrl("http://localhost:8080")).isTrue();
		assertThat(proxy.isNoProxyUrl("https://noproxy")).isTrue();
		assertThat(proxy.isNoProxyUrl("http://noproxy")).isFalse();
		assertThat(proxy.isNoProxyUrl("http://noproxy:8080")).isFalse();
		assertThat(proxy.isNoProxyUrl("https://foo.bar/fhir")).isTrue();
		assertThat(proxy.isNoProxyUrl("https://baz.foo.bar/test")).isTrue();
		assertThat(proxy.isNoProxyUrl("https://a.baz.foo.bar/test")).as("only one level of parent domain").isFalse();
		assertThat(proxy.isNoProxyUrl("https://test.com:8080/fhir")).isTrue();
		assertThat(proxy.isNoProxyUrl("https://test.com/fhir")).isFalse();
		assertThat(proxy.isNoProxyUrl("foo")).as("no host").isFalse();
		assertThat(proxy.isNoProxyUrl("localhost:1234")).as("no host").isFalse();
		assertThat(proxy.isNoProxyUrl(null)).isFalse();
		assertThatThrownBy(() -> proxy.isNoProxyUrl("ftp://localhost")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("ftp");
	}
}
