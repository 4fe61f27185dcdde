package org.dsftestbed.bpe.twoorg;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import dev.dsf.bpe.v1.ProcessPluginApi;

@Configuration
public class TwoOrgPingConfig
{
	@Autowired
	private ProcessPluginApi api;

	/** What the plugin's deployment state listener was told, per BPE start (all organizations of the JVM). */
	public static final java.util.Queue<java.util.List<String>> DEPLOYED = new java.util.concurrent.ConcurrentLinkedQueue<>();

	@Value("${dev.dsf.testbed.ping.target:}")
	private String target;

	@Bean
	public dev.dsf.bpe.v1.ProcessPluginDeploymentStateListener deploymentStateListener()
	{
		return DEPLOYED::add;
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public SelectPingTarget selectPingTarget()
	{
		return new SelectPingTarget(api, target);
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
