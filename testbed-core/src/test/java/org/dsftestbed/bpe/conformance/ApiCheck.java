package org.dsftestbed.bpe.conformance;

import static org.dsftestbed.bpe.conformance.Expect.equal;
import static org.dsftestbed.bpe.conformance.Expect.notNull;
import static org.dsftestbed.bpe.conformance.Expect.same;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.service.EndpointProvider;
import dev.dsf.bpe.v1.service.FhirWebserviceClientProvider;
import dev.dsf.bpe.v1.service.MailService;
import dev.dsf.bpe.v1.service.OrganizationProvider;
import dev.dsf.bpe.v1.service.QuestionnaireResponseHelper;
import dev.dsf.bpe.v1.service.TaskHelper;
import dev.dsf.bpe.v1.variables.Variables;
import dev.dsf.fhir.authorization.process.ProcessAuthorizationHelper;
import dev.dsf.fhir.authorization.read.ReadAccessHelper;

/** Every {@code ProcessPluginApi} getter gives something, and the plugin context's beans are the API's services. */
public class ApiCheck extends ConformanceActivity
{
	private final ApplicationContext context;

	public ApiCheck(ProcessPluginApi api, ApplicationContext context)
	{
		super(api);
		this.context = context;
	}

	@Override
	protected void addChecks(Checks checks, DelegateExecution execution, Variables variables)
	{
		checks.add("getEndpointProvider", () -> notNull(api.getEndpointProvider(), "an EndpointProvider"))
				.add("getFhirContext", () -> equal(FhirVersionEnum.R4, api.getFhirContext().getVersion().getVersion()))
				.add("getFhirWebserviceClientProvider",
						() -> notNull(api.getFhirWebserviceClientProvider(), "a FhirWebserviceClientProvider"))
				.add("getMailService", () -> notNull(api.getMailService(), "a MailService"))
				.add("getObjectMapper", () -> notNull(api.getObjectMapper(), "an ObjectMapper"))
				.add("getOrganizationProvider", () -> notNull(api.getOrganizationProvider(), "an OrganizationProvider"))
				.add("getProcessAuthorizationHelper",
						() -> notNull(api.getProcessAuthorizationHelper(), "a ProcessAuthorizationHelper"))
				.add("getProxyConfig", () -> notNull(api.getProxyConfig(), "a ProxyConfig"))
				.add("getQuestionnaireResponseHelper",
						() -> notNull(api.getQuestionnaireResponseHelper(), "a QuestionnaireResponseHelper"))
				.add("getReadAccessHelper", () -> notNull(api.getReadAccessHelper(), "a ReadAccessHelper"))
				.add("getTaskHelper", () -> notNull(api.getTaskHelper(), "a TaskHelper"))
				.add("getVariables", () -> equal(variables.getStartTask().getIdElement().getIdPart(),
						api.getVariables(execution).getStartTask().getIdElement().getIdPart()))
				.add("apiBeanIsTheParentContextsSingleton",
						() -> same(api, context.getBean(ProcessPluginApi.class), "the ProcessPluginApi bean"))
				.add("defaultConfigurationBeansAreTheApiServices", () ->
				{
					same(api.getEndpointProvider(), context.getBean(EndpointProvider.class), "EndpointProvider bean");
					same(api.getFhirContext(), context.getBean(FhirContext.class), "FhirContext bean");
					same(api.getFhirWebserviceClientProvider(), context.getBean(FhirWebserviceClientProvider.class),
							"FhirWebserviceClientProvider bean");
					same(api.getMailService(), context.getBean(MailService.class), "MailService bean");
					same(api.getObjectMapper(), context.getBean(ObjectMapper.class), "ObjectMapper bean");
					same(api.getOrganizationProvider(), context.getBean(OrganizationProvider.class),
							"OrganizationProvider bean");
					same(api.getProcessAuthorizationHelper(), context.getBean(ProcessAuthorizationHelper.class),
							"ProcessAuthorizationHelper bean");
					same(api.getQuestionnaireResponseHelper(), context.getBean(QuestionnaireResponseHelper.class),
							"QuestionnaireResponseHelper bean");
					same(api.getReadAccessHelper(), context.getBean(ReadAccessHelper.class), "ReadAccessHelper bean");
					same(api.getTaskHelper(), context.getBean(TaskHelper.class), "TaskHelper bean");
				});
	}
}
