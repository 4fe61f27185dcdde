package org.dsftestbed.bpe.failure;

import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import dev.dsf.bpe.v1.ProcessPluginApi;

@Configuration
public class FailureConfig
{
	@Autowired
	private ProcessPluginApi api;

	@Value("${dev.dsf.testbed.failure.target:}")
	private String target;

	@Value("${dev.dsf.testbed.failure.targets:}")
	private String targets;

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public ThrowException throwException()
	{
		return new ThrowException(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public ThrowBpmnError throwBpmnError()
	{
		return new ThrowBpmnError(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public RecordBpmnError recordBpmnError()
	{
		return new RecordBpmnError(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public RecordRemainingTargets recordRemainingTargets()
	{
		return new RecordRemainingTargets(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public RecordAnswer recordAnswer()
	{
		return new RecordAnswer(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public SelectTargets selectTargets()
	{
		List<String> organizations = Arrays.stream(targets.split(",")).map(String::trim).filter(s -> !s.isEmpty())
				.toList();
		return new SelectTargets(api, target, organizations);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public SendHello sendHello()
	{
		return new SendHello(api);
	}
}
