package org.dsftestbed.connectivity.pong;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractTaskMessageSend;

/**
 * Sends the pong Task to the ping's sender (message end event). A failed send fails the ping Task here, DSF's default
 * for an end event; the sender sees it as {@code response-message-timeout-status-failed}.
 */
public class SendPong extends AbstractTaskMessageSend
{
	public SendPong(ProcessPluginApi api)
	{
		super(api);
	}
}
