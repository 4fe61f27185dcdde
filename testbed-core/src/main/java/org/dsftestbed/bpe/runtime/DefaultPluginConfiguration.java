package org.dsftestbed.bpe.runtime;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;
import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.DefaultUserTaskListener;
import dev.dsf.bpe.v1.service.EndpointProvider;
import dev.dsf.bpe.v1.service.FhirWebserviceClientProvider;
import dev.dsf.bpe.v1.service.MailService;
import dev.dsf.bpe.v1.service.OrganizationProvider;
import dev.dsf.bpe.v1.service.QuestionnaireResponseHelper;
import dev.dsf.bpe.v1.service.TaskHelper;
import dev.dsf.fhir.authorization.process.ProcessAuthorizationHelper;
import dev.dsf.fhir.authorization.read.ReadAccessHelper;

/**
 * Registered first in every plugin context, as DSF 1.9.0's default configuration: the API's services as beans, so
 * plugin configurations can inject them, and the prototype {@link DefaultUserTaskListener}.
 */
@Configuration
public class DefaultPluginConfiguration
{
	@Autowired
	private ProcessPluginApi api;

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	public DefaultUserTaskListener defaultUserTaskListener()
	{
		return new DefaultUserTaskListener(api);
	}

	@Bean
	public EndpointProvider endpointProvider()
	{
		return api.getEndpointProvider();
	}

	@Bean
	public FhirContext fhirContext()
	{
		return api.getFhirContext();
	}

	@Bean
	public FhirWebserviceClientProvider fhirWebserviceClientProvider()
	{
		return api.getFhirWebserviceClientProvider();
	}

	@Bean
	public MailService mailService()
	{
		return api.getMailService();
	}

	@Bean
	public ObjectMapper objectMapper()
	{
		return api.getObjectMapper();
	}

	@Bean
	public OrganizationProvider organizationProvider()
	{
		return api.getOrganizationProvider();
	}

	@Bean
	public ProcessAuthorizationHelper processAuthorizationHelper()
	{
		return api.getProcessAuthorizationHelper();
	}

	@Bean
	public QuestionnaireResponseHelper questionnaireResponseHelper()
	{
		return api.getQuestionnaireResponseHelper();
	}

	@Bean
	public ReadAccessHelper readAccessHelper()
	{
		return api.getReadAccessHelper();
	}

	@Bean
	public TaskHelper taskHelper()
	{
		return api.getTaskHelper();
	}
}
