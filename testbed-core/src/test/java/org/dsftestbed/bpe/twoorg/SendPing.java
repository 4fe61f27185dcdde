package org.dsftestbed.bpe.twoorg;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractTaskMessageSend;

/** Sends the ping Task to the target, as DSF builds it (§5.8). */
public class SendPing extends AbstractTaskMessageSend
{
	public SendPing(ProcessPluginApi api)
	{
		super(api);
	}
}
