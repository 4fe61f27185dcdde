package org.dsftestbed.bpe.runtime;

import java.util.List;

import dev.dsf.bpe.v1.config.ProxyConfig;

/** The BPE's forward proxy settings inside the testbed: none. */
public final class NoProxy implements ProxyConfig
{
	@Override
	public String getUrl()
	{
		return null;
	}

	@Override
	public boolean isEnabled()
	{
		return false;
	}

	@Override
	public String getUsername()
	{
		return null;
	}

	@Override
	public char[] getPassword()
	{
		return null;
	}

	@Override
	public List<String> getNoProxyUrls()
	{
		return List.of();
	}

	@Override
	public boolean isNoProxyUrl(String url)
	{
		return true;
	}
}
