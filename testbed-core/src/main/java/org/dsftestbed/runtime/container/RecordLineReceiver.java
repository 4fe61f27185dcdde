package org.dsftestbed.runtime.container;

import java.util.Objects;
import java.util.Optional;

import org.dsftestbed.fhir.server.RequestListener;
import org.dsftestbed.runtime.container.organization.RequestRecordLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an organization container's {@link RequestRecordLine}s back into request records for the run's
 * {@link RequestListener}, with the network time of the container's clock. A malformed line (cut, or mixed with
 * another output stream) is skipped, not fatal: it loses one request of the recording, not the run.
 */
final class RecordLineReceiver
{
	private static final Logger logger = LoggerFactory.getLogger(RecordLineReceiver.class);

	private final String identifier;
	private final RequestListener listener;
	private int malformedLines;

	RecordLineReceiver(String identifier, RequestListener listener)
	{
		this.identifier = Objects.requireNonNull(identifier, "identifier");
		this.listener = Objects.requireNonNull(listener, "listener");
	}

	/**
	 * Hands a record line on to the listener.
	 *
	 * @return empty when it was handed on; for a malformed line, the one line reporting it, to keep in the log in the
	 *         line's place
	 */
	synchronized Optional<String> receive(String line)
	{
		RequestRecordLine.Parsed parsed;
		try
		{
			parsed = RequestRecordLine.parse(line);
		}
		catch (IllegalArgumentException e)
		{
			malformedLines++;
			// the log file has them all; the console gets the first, so a broken image does not flood it
			if (malformedLines == 1)
				logger.warn("{}: skipped a malformed record line, the run's recording misses that request ({}); "
						+ "further ones are only noted in its container log", identifier, e.getMessage());
			return Optional.of("[dsf-testbed] malformed record line skipped (" + e.getMessage() + "): " + line);
		}
		try
		{
			listener.onRequest(parsed.request(), parsed.networkTime());
		}
		catch (RuntimeException e)
		{
			// as FhirServer does: a failing listener must not stop following the container's output
			logger.warn("{}: request listener failed", identifier, e);
		}
		return Optional.empty();
	}

	/** How many record lines could not be read. */
	synchronized int malformedLines()
	{
		return malformedLines;
	}
}
