package org.dsftestbed.connectivity.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLHandshakeException;

import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

class ErrorCodesTest
{
	@Test
	void httpAnswersOf401And403AreNotAllowedOthersNotReachable()
	{
		assertThat(ErrorCodes.sendFailure(new WebApplicationException(401)))
				.isEqualTo(new ErrorCodes.SendFailure(TargetStatus.NOT_ALLOWED, "send-message-http-401"));
		assertThat(ErrorCodes.sendFailure(new WebApplicationException(403)))
				.isEqualTo(new ErrorCodes.SendFailure(TargetStatus.NOT_ALLOWED, "send-message-http-403"));
		assertThat(ErrorCodes.sendFailure(new WebApplicationException(502)))
				.isEqualTo(new ErrorCodes.SendFailure(TargetStatus.NOT_REACHABLE, "send-message-http-502"));
		assertThat(ErrorCodes.sendFailure(new WebApplicationException(404)))
				.isEqualTo(new ErrorCodes.SendFailure(TargetStatus.NOT_REACHABLE, "send-message-http-unexpected"));
	}

	@Test
	void connectionFailuresAreFoundInTheCauseChain()
	{
		assertThat(code(new ProcessingException(new ConnectException("refused")))).isEqualTo("send-message-http-host-connect");
		assertThat(code(new ProcessingException(new SocketTimeoutException()))).isEqualTo("send-message-connect-timeout");
		assertThat(code(new ProcessingException(new SSLHandshakeException("x")))).isEqualTo("send-message-ssl-handshake");
		assertThat(code(new ProcessingException(new UnknownHostException("dic9")))).isEqualTo("send-message-unknown-host");
		assertThat(code(new IllegalStateException("other"))).isEqualTo("send-message-unknown");
		assertThat(ErrorCodes.sendFailure(new ProcessingException(new ConnectException())).status())
				.isEqualTo(TargetStatus.NOT_REACHABLE);
	}

	@Test
	void aMissingPongIsNamedByThePingTasksStatusOrTheReadFailure()
	{
		assertThat(ErrorCodes.responseTimeout(TaskStatus.REQUESTED)).isEqualTo("response-message-timeout-status-requested");
		assertThat(ErrorCodes.responseTimeout(TaskStatus.INPROGRESS))
				.isEqualTo("response-message-timeout-status-in-progress");
		assertThat(ErrorCodes.responseTimeout(TaskStatus.CANCELLED))
				.isEqualTo("response-message-timeout-status-unexpected");
		assertThat(ErrorCodes.responseTimeout(new WebApplicationException(401)))
				.isEqualTo("response-message-timeout-http-401");
		assertThat(ErrorCodes.responseTimeout(new ProcessingException("down")))
				.isEqualTo("response-message-timeout-status-unknown");
	}

	private static String code(Exception e)
	{
		return ErrorCodes.sendFailure(e).code();
	}
}
