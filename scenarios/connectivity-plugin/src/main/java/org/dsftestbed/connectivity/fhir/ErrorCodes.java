package org.dsftestbed.connectivity.fhir;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import org.hl7.fhir.r4.model.Task.TaskStatus;

import jakarta.ws.rs.WebApplicationException;

/**
 * Classifies failures into the codes of CodeSystem {@link Connectivity#ERROR_CODE_SYSTEM}, modelled on the public
 * ping-pong plugin's {@code ping-error-v2}: {@code send-message-*} for a ping that could not be delivered,
 * {@code response-message-timeout-*} for a pong that did not arrive in time.
 */
public final class ErrorCodes
{
	/** The status and error code for a ping that could not be sent. */
	public record SendFailure(TargetStatus status, String code)
	{
	}

	private static final String SEND = "send-message-";
	private static final String TIMEOUT = "response-message-timeout-";

	private ErrorCodes()
	{
	}

	/**
	 * HTTP status answers (401, 403: the target refused the sender, {@link TargetStatus#NOT_ALLOWED}) or the cause
	 * found in the exception's chain: connection refused, connect timeout, TLS handshake, unknown host (all
	 * {@link TargetStatus#NOT_REACHABLE}).
	 */
	public static SendFailure sendFailure(Exception exception)
	{
		if (exception instanceof WebApplicationException w)
		{
			int status = w.getResponse().getStatus();
			TargetStatus targetStatus = status == 401 || status == 403 ? TargetStatus.NOT_ALLOWED
					: TargetStatus.NOT_REACHABLE;
			return new SendFailure(targetStatus, SEND + httpCode(status));
		}
		return new SendFailure(TargetStatus.NOT_REACHABLE, SEND + connectionCode(exception));
	}

	/** The code for a missing pong when the ping Task at the target has this status. */
	public static String responseTimeout(TaskStatus pingStatus)
	{
		return TIMEOUT + "status-" + switch (pingStatus)
		{
			case REQUESTED, INPROGRESS, COMPLETED, FAILED -> pingStatus.toCode();
			default -> "unexpected";
		};
	}

	/** The code for a missing pong when the ping Task at the target could not be read. */
	public static String responseTimeout(Exception readFailure)
	{
		if (readFailure instanceof WebApplicationException w)
			return TIMEOUT + httpCode(w.getResponse().getStatus());
		return TIMEOUT + "status-unknown";
	}

	private static String httpCode(int status)
	{
		return switch (status)
		{
			case 401, 403, 500, 502 -> "http-" + status;
			default -> "http-unexpected";
		};
	}

	/** Names as in ping-error-v2 ({@code http-host-connect} is Apache HttpClient's name for a refused connection). */
	private static String connectionCode(Throwable exception)
	{
		for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause())
		{
			// Apache's ConnectTimeoutException is no SocketTimeoutException; the BPE's client throws it
			if (t instanceof SocketTimeoutException || "ConnectTimeoutException".equals(t.getClass().getSimpleName()))
				return "connect-timeout";
			if (t instanceof ConnectException)
				return "http-host-connect";
			if (t instanceof SSLException)
				return "ssl-handshake";
			if (t instanceof UnknownHostException)
				return "unknown-host";
		}
		return "unknown";
	}
}
