package org.dsftestbed.bpe.failure;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractTaskMessageSend;

/** Sends the Task {@code hello} with DSF's own send and error handling (nothing overridden). */
public class SendHello extends AbstractTaskMessageSend
{
	public SendHello(ProcessPluginApi api)
	{
		super(api);
	}
}
