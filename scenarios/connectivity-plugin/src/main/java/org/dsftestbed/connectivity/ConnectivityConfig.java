package org.dsftestbed.connectivity;

import org.dsftestbed.connectivity.ping.RecordMissingPong;
import org.dsftestbed.connectivity.ping.RecordPong;
import org.dsftestbed.connectivity.ping.SelectPingTargets;
import org.dsftestbed.connectivity.ping.SendPing;
import org.dsftestbed.connectivity.ping.SetCorrelationKeyListener;
import org.dsftestbed.connectivity.pong.SelectPongTarget;
import org.dsftestbed.connectivity.pong.SendPong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import dev.dsf.bpe.v1.ProcessPluginApi;

/** One prototype bean per BPMN class, as the DSF BPE requires (spec §5.3). */
@Configuration
public class ConnectivityConfig
{
	@Autowired
	private ProcessPluginApi api;

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public SelectPingTargets selectPingTargets()
	{
		return new SelectPingTargets(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public SendPing sendPing()
	{
		return new SendPing(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public SetCorrelationKeyListener setCorrelationKeyListener()
	{
		return new SetCorrelationKeyListener(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public RecordPong recordPong()
	{
		return new RecordPong(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public RecordMissingPong recordMissingPong()
	{
		return new RecordMissingPong(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public SelectPongTarget selectPongTarget()
	{
		return new SelectPongTarget(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public SendPong sendPong()
	{
		return new SendPong(api);
	}
}
