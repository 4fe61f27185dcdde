package org.dsftestbed.runtime;

/** An organization of a network did not start; the message names the organization, the step and the cause. */
public final class NetworkBootException extends RuntimeException
{
	private static final long serialVersionUID = 1L;

	private final String organization;

	public NetworkBootException(String organization, String step, Throwable cause)
	{
		super(organization + ": " + step + " did not start: " + describe(cause), cause);
		this.organization = organization;
	}

	private static String describe(Throwable cause)
	{
		String message = cause.getMessage();
		return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
	}

	/** Identifier of the organization that failed. */
	public String organization()
	{
		return organization;
	}
}
