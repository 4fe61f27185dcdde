package org.dsftestbed.bpe.conformance;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.ProcessPluginDeploymentStateListener;

/** The conformance plugin's Spring configuration: one prototype bean per activity, environment from the BPE. */
@Configuration
public class ConformanceConfig
{
	/** What the BPE environment gave the plugin's {@code @Value} fields. */
	public record Environment(String mandatory, String optional, String proxyUrl, String externalAddress)
	{
	}

	/** Process ids the deployment state listener was told, per BPE start. */
	public static final Queue<List<String>> DEPLOYED = new ConcurrentLinkedQueue<>();

	@Autowired
	private ProcessPluginApi api;

	@Autowired
	private ApplicationContext context;

	@Value("${dev.dsf.bpe.test.env.mandatory:#{null}}")
	private String mandatory;

	@Value("${dev.dsf.bpe.test.env.optional:default-value}")
	private String optional;

	@Value("${dev.dsf.proxy.url}")
	private String proxyUrl;

	@Value("${" + ConformanceNetwork.EXTERNAL_ADDRESS_PROPERTY + "}")
	private String externalAddress;

	@Bean
	public ProcessPluginDeploymentStateListener conformanceDeploymentStateListener()
	{
		return DEPLOYED::add;
	}

	@Bean
	public ConformanceValueSerializer conformanceValueSerializer()
	{
		return new ConformanceValueSerializer();
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public SelectTestActivity selectTestActivity()
	{
		return new SelectTestActivity(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public ApiCheck apiCheck()
	{
		return new ApiCheck(api, context);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public ProxyCheck proxyCheck()
	{
		return new ProxyCheck(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public OrganizationProviderCheck organizationProviderCheck()
	{
		return new OrganizationProviderCheck(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public EndpointProviderCheck endpointProviderCheck()
	{
		return new EndpointProviderCheck(api, externalAddress);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public EnvironmentVariableCheck environmentVariableCheck()
	{
		return new EnvironmentVariableCheck(api, new Environment(mandatory, optional, proxyUrl, externalAddress));
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public TaskHelperCheck taskHelperCheck()
	{
		return new TaskHelperCheck(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public SetVariablesCheck setVariablesCheck()
	{
		return new SetVariablesCheck(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public ReadVariablesCheck readVariablesCheck()
	{
		return new ReadVariablesCheck(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public QuestionnaireResponseHelperCheck questionnaireResponseHelperCheck()
	{
		return new QuestionnaireResponseHelperCheck(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public ReadAccessHelperCheck readAccessHelperCheck()
	{
		return new ReadAccessHelperCheck(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public ProcessAuthorizationHelperCheck processAuthorizationHelperCheck()
	{
		return new ProcessAuthorizationHelperCheck(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public MailServiceCheck mailServiceCheck()
	{
		return new MailServiceCheck(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public FhirClientCheck fhirClientCheck()
	{
		return new FhirClientCheck(api, externalAddress);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public FhirContextAndObjectMapperCheck fhirContextAndObjectMapperCheck()
	{
		return new FhirContextAndObjectMapperCheck(api);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public DeliberateFailureCheck deliberateFailureCheck()
	{
		return new DeliberateFailureCheck(api);
	}
}
