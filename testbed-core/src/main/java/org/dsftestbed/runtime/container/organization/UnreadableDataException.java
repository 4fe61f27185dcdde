package org.dsftestbed.runtime.container.organization;

/**
 * A file of an organization container's data directory cannot be read or used (damaged, not what it should be,
 * locked); the message is one line naming the file and what is wrong. The organization does not start on it: starting
 * on part of its data would silently lose the rest.
 */
public final class UnreadableDataException extends RuntimeException
{
	private static final long serialVersionUID = 1L;

	public UnreadableDataException(String message, Throwable cause)
	{
		super(message, cause);
	}
}
