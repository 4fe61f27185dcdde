package org.dsftestbed.bpe.twoorg;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractTaskMessageSend;

/** Sends the pong Task back to the ping's requester. */
public class SendPong extends AbstractTaskMessageSend
{
	public SendPong(ProcessPluginApi api)
	{
		super(api);
	}
}
