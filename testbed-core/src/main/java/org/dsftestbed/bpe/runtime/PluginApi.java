package org.dsftestbed.bpe.runtime;

import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;
import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.config.ProxyConfig;
import dev.dsf.bpe.v1.service.EndpointProvider;
import dev.dsf.bpe.v1.service.FhirWebserviceClientProvider;
import dev.dsf.bpe.v1.service.MailService;
import dev.dsf.bpe.v1.service.OrganizationProvider;
import dev.dsf.bpe.v1.service.QuestionnaireResponseHelper;
import dev.dsf.bpe.v1.service.TaskHelper;
import dev.dsf.fhir.authorization.process.ProcessAuthorizationHelper;
import dev.dsf.fhir.authorization.process.ProcessAuthorizationHelperImpl;
import dev.dsf.fhir.authorization.read.ReadAccessHelper;
import dev.dsf.fhir.authorization.read.ReadAccessHelperImpl;

/**
 * The {@code ProcessPluginApi} of one organization's BPE: one instance shared by all its plugins, the single bean of
 * each plugin context's parent. The authorization helpers are DSF's own from {@code dsf-fhir-auth}.
 */
public final class PluginApi implements ProcessPluginApi
{
	private final FhirContext fhirContext;
	private final FhirClients clients;
	private final FhirEndpointProvider endpointProvider;
	private final FhirOrganizationProvider organizationProvider;
	private final CapturedMails mails = new CapturedMails();
	private final ObjectMapper objectMapper;
	private final ProxyConfig proxyConfig;
	private final ProcessAuthorizationHelper processAuthorizationHelper = new ProcessAuthorizationHelperImpl();
	private final ReadAccessHelper readAccessHelper = new ReadAccessHelperImpl();
	private final TaskHelper taskHelper;
	private final QuestionnaireResponseHelper questionnaireResponseHelper;

	/** An API whose plugins see no forward proxy configured. */
	public PluginApi(FhirConnection connection, FhirContext fhirContext)
	{
		this(connection, fhirContext, ProxySettings.NONE);
	}

	/**
	 * @param proxyConfig
	 *            what {@link #getProxyConfig()} reports, usually {@link ProxySettings#from} the BPE environment
	 */
	public PluginApi(FhirConnection connection, FhirContext fhirContext, ProxyConfig proxyConfig)
	{
		this.proxyConfig = Objects.requireNonNull(proxyConfig, "proxyConfig");
		this.fhirContext = Objects.requireNonNull(fhirContext, "fhirContext");
		clients = new FhirClients(connection, fhirContext);
		endpointProvider = new FhirEndpointProvider(clients);
		organizationProvider = new FhirOrganizationProvider(clients);
		objectMapper = ObjectMappers.forPlugins(fhirContext);
		taskHelper = new TestbedTaskHelper(connection.localBaseUrl());
		questionnaireResponseHelper = new TestbedQuestionnaireResponseHelper(connection.localBaseUrl());
	}

	/** The mails plugins sent, for assertions. */
	public CapturedMails mails()
	{
		return mails;
	}

	@Override
	public ProxyConfig getProxyConfig()
	{
		return proxyConfig;
	}

	@Override
	public EndpointProvider getEndpointProvider()
	{
		return endpointProvider;
	}

	@Override
	public FhirContext getFhirContext()
	{
		return fhirContext;
	}

	@Override
	public FhirWebserviceClientProvider getFhirWebserviceClientProvider()
	{
		return clients;
	}

	@Override
	public MailService getMailService()
	{
		return mails;
	}

	@Override
	public ObjectMapper getObjectMapper()
	{
		return objectMapper;
	}

	@Override
	public OrganizationProvider getOrganizationProvider()
	{
		return organizationProvider;
	}

	@Override
	public ProcessAuthorizationHelper getProcessAuthorizationHelper()
	{
		return processAuthorizationHelper;
	}

	@Override
	public QuestionnaireResponseHelper getQuestionnaireResponseHelper()
	{
		return questionnaireResponseHelper;
	}

	@Override
	public ReadAccessHelper getReadAccessHelper()
	{
		return readAccessHelper;
	}

	@Override
	public TaskHelper getTaskHelper()
	{
		return taskHelper;
	}

	@Override
	public ExecutionVariables getVariables(DelegateExecution execution)
	{
		return new ExecutionVariables(execution);
	}
}
