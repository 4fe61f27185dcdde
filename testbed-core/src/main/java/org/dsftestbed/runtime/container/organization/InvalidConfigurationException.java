package org.dsftestbed.runtime.container.organization;

/**
 * A variable or file of an organization container's configuration is missing or unusable; the message is one line
 * naming it and what is wrong.
 */
public final class InvalidConfigurationException extends RuntimeException
{
	private static final long serialVersionUID = 1L;

	public InvalidConfigurationException(String message)
	{
		super(message);
	}
}
