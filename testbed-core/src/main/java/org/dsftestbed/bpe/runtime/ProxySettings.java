package org.dsftestbed.bpe.runtime;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.PropertyResolver;

import dev.dsf.bpe.v1.config.ProxyConfig;

/**
 * The BPE's forward proxy settings as DSF 1.9.0 reads them from {@code DEV_DSF_PROXY_URL}, {@code _USERNAME},
 * {@code _PASSWORD} and {@code _NOPROXY} and hands them to plugins (spec §5.10). The testbed's own FHIR clients never use
 * a proxy (all traffic stays on loopback); plugins see the configured values all the same.
 * <p>
 * DSF's rules, kept here because plugins observe them: a proxy URL that is not http(s) with a host is dropped (logged);
 * the no-proxy list is split at {@code ,} (optionally followed by one space) or a newline, blank entries left out;
 * {@link #isNoProxyUrl} matches the URL's host or its parent domain (one level), each alone or with the port (default
 * port of the scheme if none), or anything if the list holds {@code *}; an unknown scheme (not http, https, ws, wss)
 * throws {@link IllegalArgumentException}, a URL without host gives {@code false}.
 *
 * <pre>{@code
 * ProxySettings proxy = ProxySettings.from(bpeEnvironment.springEnvironment());
 * proxy.isNoProxyUrl("https://noproxy/fhir"); // true with DEV_DSF_PROXY_NOPROXY="localhost, noproxy:443"
 * }</pre>
 */
public record ProxySettings(String url, String username, char[] password, List<String> noProxyUrls) implements ProxyConfig
{
	private static final Logger logger = LoggerFactory.getLogger(ProxySettings.class);

	/** No proxy configured, an empty no-proxy list. */
	public static final ProxySettings NONE = new ProxySettings(null, null, null, List.of());

	public ProxySettings
	{
		url = nullIfInvalid(url);
		noProxyUrls = noProxyUrls == null ? List.of()
				: noProxyUrls.stream().filter(s -> s != null && !s.isBlank()).toList();
	}

	/** The settings in a BPE environment, by DSF's property names {@code dev.dsf.proxy.*}. */
	public static ProxySettings from(PropertyResolver environment)
	{
		Objects.requireNonNull(environment, "environment");
		String password = environment.getProperty("dev.dsf.proxy.password");
		String noProxy = environment.getProperty("dev.dsf.proxy.noProxy", "");
		return new ProxySettings(environment.getProperty("dev.dsf.proxy.url"),
				environment.getProperty("dev.dsf.proxy.username"), password == null ? null : password.toCharArray(),
				Arrays.asList(noProxy.trim().split("(,[ ]?)|(\\n)")));
	}

	private static String nullIfInvalid(String url)
	{
		if (url == null)
			return null;
		try
		{
			URL u = new URL(url);
			if (u.getHost() == null || u.getHost().isBlank())
				logger.warn("Forward proxy url '{}' malformed: no host name", url);
			else if (!"http".equals(u.getProtocol()) && !"https".equals(u.getProtocol()))
				logger.warn("Forward proxy url '{}' malformed: protocol not http or https", url);
			else
				return url;
		}
		catch (MalformedURLException e)
		{
			logger.warn("Forward proxy url '{}' malformed: {}", url, e.getMessage());
		}
		return null;
	}

	@Override
	public String getUrl()
	{
		return url;
	}

	@Override
	public boolean isEnabled()
	{
		return url != null && !noProxyUrls.contains("*");
	}

	@Override
	public String getUsername()
	{
		return username;
	}

	@Override
	public char[] getPassword()
	{
		return password;
	}

	@Override
	public List<String> getNoProxyUrls()
	{
		return noProxyUrls;
	}

	@Override
	public boolean isNoProxyUrl(String targetUrl)
	{
		if (noProxyUrls.contains("*"))
			return true;
		if (targetUrl == null || targetUrl.isBlank())
			return false;
		try
		{
			URI uri = new URI(targetUrl);
			String host = uri.getHost();
			if (host == null)
				return false;
			int dot = host.indexOf('.');
			String parentDomain = dot < 0 ? "" : host.substring(dot + 1);
			int port = uri.getPort() == -1 ? defaultPort(uri.getScheme()) : uri.getPort();
			return noProxyUrls.stream().anyMatch(s -> s.equals(host) || s.equals(host + ":" + port)
					|| s.equals(parentDomain) || s.equals(parentDomain + ":" + port));
		}
		catch (URISyntaxException e)
		{
			return false;
		}
	}

	private static int defaultPort(String scheme)
	{
		return switch (scheme)
		{
			case "http", "ws" -> 80;
			case "https", "wss" -> 443;
			default -> throw new IllegalArgumentException("Schema " + scheme + " not supported");
		};
	}

	/** Leaves the password out. */
	@Override
	public String toString()
	{
		return "ProxySettings[url=" + url + ", username=" + username + ", password="
				+ (password == null ? "null" : "***") + ", noProxy=" + noProxyUrls + "]";
	}
}
