package org.dsftestbed.client;

/** A process cannot be started as asked; the message says what the server knows instead. */
public final class ProcessStartException extends RuntimeException
{
	private static final long serialVersionUID = 1L;

	public ProcessStartException(String message)
	{
		super(message);
	}
}
