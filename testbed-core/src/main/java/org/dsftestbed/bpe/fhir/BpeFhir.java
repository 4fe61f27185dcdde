package org.dsftestbed.bpe.fhir;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.dsftestbed.bpe.engine.EngineOptions;
import org.dsftestbed.bpe.engine.OrganizationEngine;
import org.dsftestbed.bpe.plugin.ProcessIdAndVersion;
import org.dsftestbed.bpe.state.BpeDatabase;
import org.dsftestbed.bpe.state.ProcessStateChange;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

import dev.dsf.fhir.client.FhirWebserviceClient;

/**
 * The FHIR side of one organization's BPE, wired in DSF's start-up order:
 *
 * <pre>{@code
 * BpeFhir fhir = new BpeFhir(baseUrl, localClient, sslContext, codec, qrVariable);
 * OrganizationEngine engine = engines.create(fhir.install(EngineOptions.forOrganization(org) ... ));
 * // deploy BPMN, suspend/activate per state, then
 * fhir.deployResources(changes, resources, database); // one batch (spec §5.4)
 * engine.startJobExecution();
 * fhir.connect(engine, hasPlugin);        // Task + QuestionnaireResponse subscriptions (catch-up, websocket)
 * ...
 * fhir.close();
 * }</pre>
 */
public final class BpeFhir implements AutoCloseable
{
	private final String baseUrl;
	private final FhirWebserviceClient localClient;
	private final SSLContext sslContext;
	private final TaskVariableCodec taskCodec;
	private final Function<QuestionnaireResponse, Object> questionnaireResponseVariable;

	private SubscriptionConnection<Task> tasks;
	private SubscriptionConnection<QuestionnaireResponse> questionnaireResponses;

	public BpeFhir(String baseUrl, FhirWebserviceClient localClient, SSLContext sslContext, TaskVariableCodec taskCodec,
			Function<QuestionnaireResponse, Object> questionnaireResponseVariable)
	{
		this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
		this.localClient = Objects.requireNonNull(localClient, "localClient");
		this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
		this.taskCodec = Objects.requireNonNull(taskCodec, "taskCodec");
		this.questionnaireResponseVariable = Objects.requireNonNull(questionnaireResponseVariable,
				"questionnaireResponseVariable");
	}

	/** Adds the Task start/end listeners to the engine options. */
	public EngineOptions install(EngineOptions options)
	{
		return options.withBpmnParseListener(new TaskListeners(localClient, taskCodec));
	}

	/** Uploads the plugins' resources for the state changes and records them ({@link FhirResourceDeployment}). */
	public List<FhirResourceDeployment.Outcome> deployResources(List<ProcessStateChange> changes,
			Map<ProcessIdAndVersion, List<Resource>> pluginResources, BpeDatabase database)
	{
		return new FhirResourceDeployment(localClient).deploy(changes, pluginResources, database);
	}

	/** Starts both subscriptions and waits (bounded) until both websockets are bound. */
	public void connect(OrganizationEngine engine, Predicate<ProcessDefinition> hasPlugin, Duration timeout)
			throws Exception
	{
		tasks = SubscriptionConnection.tasks(baseUrl, localClient, sslContext,
				new TaskHandler(engine, localClient, taskCodec, hasPlugin)).start();
		questionnaireResponses = SubscriptionConnection.questionnaireResponses(baseUrl, localClient, sslContext,
				new QuestionnaireResponseHandler(engine, questionnaireResponseVariable)).start();
		tasks.awaitBound(timeout);
		questionnaireResponses.awaitBound(timeout);
	}

	/** Stops taking Tasks and QuestionnaireResponses: both websockets are closed until {@link #resume}. */
	public void pause()
	{
		requireConnected();
		tasks.pause();
		questionnaireResponses.pause();
	}

	/**
	 * Reconnects both subscriptions as after a restart (catch-up search, then bind), so that what arrived while paused
	 * is handled; waits (bounded) until both are bound again.
	 */
	public void resume(Duration timeout) throws Exception
	{
		requireConnected();
		tasks.resume();
		questionnaireResponses.resume();
		tasks.awaitBound(timeout);
		questionnaireResponses.awaitBound(timeout);
	}

	private void requireConnected()
	{
		if (tasks == null || questionnaireResponses == null)
			throw new IllegalStateException("subscriptions of " + baseUrl + " not connected yet");
	}

	@Override
	public void close()
	{
		if (tasks != null)
			tasks.close();
		if (questionnaireResponses != null)
			questionnaireResponses.close();
	}
}
