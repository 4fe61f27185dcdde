package org.dsftestbed.client;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.dsftestbed.pki.IssuedCertificate;
import org.dsftestbed.pki.TlsContexts;
import org.dsftestbed.runtime.RunningOrganization;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.ParameterComponent;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.hl7.fhir.r4.model.Type;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory;

/**
 * A client acting for one organization: HAPI FHIR's generic client over mutual TLS with the organization's client
 * certificate, talking to one FHIR server (by default the organization's own), with what tests and scenarios do with
 * DSF processes: start a process by posting a requested Task, wait for a Task status, read outputs and history, find
 * received Tasks, answer a user task, search.
 *
 * <pre>{@code
 * try (OrgClient dic = OrgClient.of(network.organization("dic.dsf.test")))
 * {
 * 	Task start = dic.startProcess("http://dsf.dev/bpe/Process/ping|1.0", List.of());
 * 	Task done = dic.awaitStatus(start, TaskStatus.COMPLETED, Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class OrgClient implements AutoCloseable
{
	public static final String ORGANIZATION_IDENTIFIER_SYSTEM = "http://dsf.dev/sid/organization-identifier";
	public static final String BPMN_MESSAGE_SYSTEM = "http://dsf.dev/fhir/CodeSystem/bpmn-message";
	public static final String TASK_IDENTIFIER_SYSTEM = "http://dsf.dev/sid/task-identifier";
	static final String PROCESS_AUTHORIZATION_EXTENSION = "http://dsf.dev/fhir/StructureDefinition/extension-process-authorization";

	private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

	private final String organizationIdentifier;
	private final String baseUrl;
	private final String connectUrl;
	private final CloseableHttpClient httpClient;
	private final IGenericClient fhir;

	private OrgClient(String organizationIdentifier, String baseUrl, String connectUrl, CloseableHttpClient httpClient)
	{
		this.organizationIdentifier = organizationIdentifier;
		this.baseUrl = baseUrl;
		this.connectUrl = connectUrl;
		this.httpClient = httpClient;
		// HAPI's requests take the HTTP client from their FhirContext's factory, not from the factory that made the
		// client: a client certificate of its own therefore needs a context of its own
		FhirContext context = FhirContext.forR4();
		ApacheRestfulClientFactory factory = new ApacheRestfulClientFactory(context);
		factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
		factory.setHttpClient(httpClient); // last: some setters drop a client set before them
		context.setRestfulClientFactory(factory);
		this.fhir = factory.newGenericClient(connectUrl);
	}

	/** A client for the organization, talking to its own FHIR server. */
	public static OrgClient of(RunningOrganization organization)
	{
		return of(organization.identifier(), organization.fhirBaseUrl(), organization.connectUrl(),
				organization.clientCertificate(), organization.trustedCas());
	}

	/** A client for the organization, talking to another FHIR server (e.g. to send a Task to another organization). */
	public static OrgClient of(RunningOrganization organization, String baseUrl)
	{
		return of(organization.identifier(), baseUrl, organization.clientCertificate(), organization.trustedCas());
	}

	public static OrgClient of(String organizationIdentifier, String baseUrl, IssuedCertificate clientCertificate,
			List<X509Certificate> trustedCas)
	{
		return of(organizationIdentifier, baseUrl, baseUrl, clientCertificate, trustedCas);
	}

	/**
	 * A client that reaches the server at another address than its base URL, e.g. a container's published port:
	 * {@code connectUrl} {@code https://localhost:32771/fhir} for the server with base URL (Endpoint address)
	 * {@code https://dic1/fhir}. Requests go to {@code connectUrl}; the server is recognised by its base URL, and
	 * links the server sends (next pages) are followed at {@code connectUrl}.
	 */
	public static OrgClient of(String organizationIdentifier, String baseUrl, String connectUrl,
			IssuedCertificate clientCertificate, List<X509Certificate> trustedCas)
	{
		Objects.requireNonNull(organizationIdentifier, "organizationIdentifier");
		Objects.requireNonNull(baseUrl, "baseUrl");
		Objects.requireNonNull(connectUrl, "connectUrl");
		SSLContext tls = TlsContexts.create(clientCertificate, trustedCas);
		// connection state off: Apache's pool would otherwise tie each connection to the client certificate's principal
		// and open a new TLS connection for every request
		CloseableHttpClient http = HttpClients.custom().setSSLContext(tls).setMaxConnPerRoute(20).setMaxConnTotal(20)
				.disableConnectionState().build();
		return new OrgClient(organizationIdentifier, baseUrl, connectUrl, http);
	}

	public String organizationIdentifier()
	{
		return organizationIdentifier;
	}

	public String baseUrl()
	{
		return baseUrl;
	}

	/** HAPI's generic client, for everything else. */
	public IGenericClient fhir()
	{
		return fhir;
	}

	/**
	 * Starts a process at this client's server by posting a requested Task, requester this organization, recipient the
	 * server's organization (for the organization's own server: itself). When the server has the process's draft Task
	 * template, the Task is made from it as DSF's UI does: its profile, message name and its other inputs (example
	 * values), each replaced by a given input with the same coding. Otherwise profile and message name come from the
	 * one process authorization of its ActivityDefinition that local requesters may use (the start message; messages
	 * between organizations have remote requesters); {@link #startProcess(String, String, String, List)} names them
	 * explicitly.
	 *
	 * @param process
	 *            {@code instantiatesCanonical}, e.g. {@code http://dsf.dev/bpe/Process/ping|1.0}
	 * @param inputs
	 *            further Task inputs (message name and business key are added as DSF needs them)
	 * @return the created Task (version 1)
	 * @throws ProcessStartException
	 *             when the server does not know the process or its start is ambiguous, naming what it knows
	 */
	public Task startProcess(String process, List<ParameterComponent> inputs)
	{
		StartTemplate template = startTemplate(process);
		List<ParameterComponent> all = new ArrayList<>();
		for (ParameterComponent templateInput : template.inputs())
			if (inputs.stream().noneMatch(i -> sameCoding(i, templateInput)))
				all.add(templateInput);
		all.addAll(inputs);
		return startProcess(process, template.messageName(), template.profile(), all);
	}

	private static boolean sameCoding(ParameterComponent a, ParameterComponent b)
	{
		return a.getType().getCoding().stream().anyMatch(ca -> b.getType().getCoding().stream()
				.anyMatch(cb -> java.util.Objects.equals(ca.getSystem(), cb.getSystem())
						&& java.util.Objects.equals(ca.getCode(), cb.getCode())));
	}

	/** Starts a process with the given start message name and Task profile; see {@link #startProcess(String, List)}. */
	public Task startProcess(String process, String messageName, String profile, List<ParameterComponent> inputs)
	{
		Task task = new Task().setStatus(TaskStatus.REQUESTED).setIntent(TaskIntent.ORDER)
				.setInstantiatesCanonical(process).setAuthoredOn(new Date());
		task.getMeta().addProfile(profile);
		task.setRequester(organizationReference(organizationIdentifier));
		task.getRestriction().addRecipient(organizationReference(serverOrganization()));
		task.addInput().setValue(new StringType(messageName)).getType().addCoding().setSystem(BPMN_MESSAGE_SYSTEM)
				.setCode("message-name");
		inputs.forEach(i -> task.addInput(i.copy()));
		MethodOutcome outcome = fhir.create().resource(task).execute();
		return (Task) outcome.getResource();
	}

	/** A Task input with a coding and a value, e.g. {@code input("http://dsf.dev/fhir/CodeSystem/ping", "target", new StringType("x"))}. */
	public static ParameterComponent input(String system, String code, Type value)
	{
		ParameterComponent input = new ParameterComponent().setValue(value);
		input.getType().addCoding().setSystem(system).setCode(code);
		return input;
	}

	/** How to start a process: message name, Task profile, and the template's other inputs (if made from one). */
	private record StartTemplate(String messageName, String profile, List<ParameterComponent> inputs)
	{
	}

	private StartTemplate startTemplate(String process)
	{
		Optional<Task> template = draftTemplates().stream().filter(t -> process.equals(t.getInstantiatesCanonical()))
				.findFirst();
		if (template.isPresent())
			return new StartTemplate(stringInput(template.get(), BPMN_MESSAGE_SYSTEM, "message-name").orElseThrow(),
					template.get().getMeta().getProfile().get(0).getValue(),
					template.get().getInput().stream()
							.filter(i -> i.getType().getCoding().stream()
									.noneMatch(c -> BPMN_MESSAGE_SYSTEM.equals(c.getSystem())))
							.map(ParameterComponent::copy).toList());

		ActivityDefinition definition = activityDefinition(process);
		List<StartTemplate> starts = new ArrayList<>();
		for (Extension authorization : definition.getExtensionsByUrl(PROCESS_AUTHORIZATION_EXTENSION))
		{
			Extension message = authorization.getExtensionByUrl("message-name");
			Extension profile = authorization.getExtensionByUrl("task-profile");
			boolean localRequester = authorization.getExtensionsByUrl("requester").stream()
					.anyMatch(r -> r.getValue() instanceof org.hl7.fhir.r4.model.Coding c && c.getCode() != null
							&& c.getCode().startsWith("LOCAL_"));
			if (message != null && profile != null && localRequester)
				starts.add(new StartTemplate(message.getValue().primitiveValue(), profile.getValue().primitiveValue(),
						List.of()));
		}
		if (starts.size() != 1)
			throw new ProcessStartException("cannot tell how to start " + process + " at " + baseUrl
					+ ": it has no draft Task template and its ActivityDefinition authorizes " + starts.size()
					+ " messages from local requesters " + starts.stream().map(s -> s.messageName() + " (" + s.profile() + ")")
							.collect(Collectors.joining(", "))
					+ "; name the message and profile");
		return starts.get(0);
	}

	private ActivityDefinition activityDefinition(String process)
	{
		String[] urlAndVersion = process.split("\\|", 2);
		if (urlAndVersion.length != 2)
			throw new ProcessStartException("process '" + process + "' has no version; write it as <url>|<version>, "
					+ "e.g. http://dsf.dev/bpe/Process/ping|1.0");
		List<ActivityDefinition> all = search(ActivityDefinition.class, "ActivityDefinition?_count=1000");
		return all.stream()
				.filter(a -> urlAndVersion[0].equals(a.getUrl()) && urlAndVersion[1].equals(a.getVersion()))
				.findFirst()
				.orElseThrow(() -> new ProcessStartException("unknown process '" + process + "' at " + baseUrl
						+ "; known: " + (all.isEmpty() ? "none (no plugin deployed?)"
								: all.stream().map(a -> a.getUrl() + "|" + a.getVersion()).sorted()
										.collect(Collectors.joining(", ")))));
	}

	/** The plugins' draft Task templates the server holds. */
	public List<Task> draftTemplates()
	{
		return search(Task.class, "Task?status=draft&_count=1000");
	}

	/** The Task as the server has it now. */
	public Task read(String taskId)
	{
		return fhir.read().resource(Task.class).withId(idPart(taskId)).execute();
	}

	/** Every version of the Task, oldest first. */
	public List<Task> history(String taskId)
	{
		Bundle history = fhir.history().onInstance("Task/" + idPart(taskId)).returnBundle(Bundle.class).execute();
		List<Task> versions = new ArrayList<>(
				history.getEntry().stream().map(e -> (Task) e.getResource()).filter(Objects::nonNull).toList());
		versions.sort((a, b) -> Integer.compare(Integer.parseInt(a.getMeta().getVersionId()),
				Integer.parseInt(b.getMeta().getVersionId())));
		return versions;
	}

	/**
	 * Waits until the Task has the status.
	 *
	 * @throws TaskWaitTimeoutException
	 *             after the timeout, naming the status the Task has and its error outputs; also when the Task reaches
	 *             another final status (failed, completed) first, without waiting for the timeout
	 */
	public Task awaitStatus(String taskId, TaskStatus status, Duration timeout)
	{
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true)
		{
			Task task = read(taskId);
			if (task.getStatus() == status)
				return task;
			boolean finalElsewhere = (task.getStatus() == TaskStatus.FAILED
					|| task.getStatus() == TaskStatus.COMPLETED) && status != task.getStatus();
			if (finalElsewhere || System.nanoTime() > deadline)
				throw new TaskWaitTimeoutException(baseUrl + "/Task/" + idPart(taskId), status, task, timeout,
						finalElsewhere);
			sleep();
		}
	}

	/** Waits for a Task whose inputs satisfy the filter (e.g. one received from another organization). */
	public Task awaitTask(String description, Predicate<Task> filter, Duration timeout)
	{
		return awaitFirst("Task " + description, () -> tasks().stream().filter(filter).findFirst(), timeout);
	}

	/**
	 * Waits for the pending user task (QuestionnaireResponse in-progress) of the process instance with the business
	 * key, as DSF's default user task listener creates it (item {@code business-key}).
	 */
	public QuestionnaireResponse awaitPendingUserTask(String businessKey, Duration timeout)
	{
		return awaitFirst("pending user task with business-key " + businessKey,
				() -> pendingUserTasks().stream().filter(r -> businessKey.equals(itemAnswer(r, "business-key")))
						.findFirst(),
				timeout);
	}

	/** The string form of the first answer of the QuestionnaireResponse's top-level item, {@code null} if none. */
	public static String itemAnswer(QuestionnaireResponse response, String linkId)
	{
		return response.getItem().stream().filter(i -> linkId.equals(i.getLinkId()))
				.flatMap(i -> i.getAnswer().stream()).map(a -> a.getValue()).filter(v -> v != null && v.isPrimitive())
				.map(Type::primitiveValue).findFirst().orElse(null);
	}

	private <T> T awaitFirst(String description, Supplier<Optional<T>> search, Duration timeout)
	{
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true)
		{
			Optional<T> found = search.get();
			if (found.isPresent())
				return found.get();
			if (System.nanoTime() > deadline)
				throw new TaskWaitTimeoutException(
						"no " + description + " at " + baseUrl + " within " + timeout.toMillis() + " ms");
			sleep();
		}
	}

	/** Every non-draft Task the organization may read at the server (it is requester or recipient). */
	public List<Task> tasks()
	{
		return search(Task.class, "Task?_count=1000&_sort=_lastUpdated").stream()
				.filter(t -> t.getStatus() != TaskStatus.DRAFT).toList();
	}

	/** Non-draft Tasks carrying this {@code bpmn-message#business-key}. */
	public List<Task> tasksWithBusinessKey(String businessKey)
	{
		return tasks().stream()
				.filter(t -> stringInput(t, BPMN_MESSAGE_SYSTEM, "business-key").filter(businessKey::equals)
						.isPresent())
				.toList();
	}

	/** Non-draft Tasks whose {@code bpmn-message#message-name} is the name. */
	public List<Task> tasksWithMessageName(String messageName)
	{
		return tasks().stream()
				.filter(t -> stringInput(t, BPMN_MESSAGE_SYSTEM, "message-name").filter(messageName::equals)
						.isPresent())
				.toList();
	}

	/** The string value of the first input with the coding, if any. */
	public static Optional<String> stringInput(Task task, String system, String code)
	{
		return task.getInput().stream().filter(i -> hasCoding(i, system, code)).map(i -> i.getValue())
				.filter(v -> v != null && v.isPrimitive()).map(Type::primitiveValue).findFirst();
	}

	/** Every output with the coding. */
	public static List<Task.TaskOutputComponent> outputs(Task task, String system, String code)
	{
		return task.getOutput().stream().filter(o -> o.getType().getCoding().stream()
				.anyMatch(c -> system.equals(c.getSystem()) && code.equals(c.getCode()))).toList();
	}

	/** The texts of the Task's {@code bpmn-message#error} outputs. */
	public static List<String> errors(Task task)
	{
		return outputs(task, BPMN_MESSAGE_SYSTEM, "error").stream().map(o -> o.getValue())
				.filter(v -> v != null && v.isPrimitive()).map(Type::primitiveValue).toList();
	}

	private static boolean hasCoding(ParameterComponent input, String system, String code)
	{
		return input.getType().getCoding().stream()
				.anyMatch(c -> system.equals(c.getSystem()) && code.equals(c.getCode()));
	}

	/** QuestionnaireResponses of pending user tasks (status in-progress). */
	public List<QuestionnaireResponse> pendingUserTasks()
	{
		return search(QuestionnaireResponse.class, "QuestionnaireResponse?status=in-progress&_count=1000");
	}

	/**
	 * Answers a pending user task: sets the answers of the items with the given link ids, status completed, and
	 * updates it on the server, which the BPE then receives through its subscription.
	 *
	 * @param answers
	 *            link id → answer value (replacing the placeholder answer)
	 * @throws IllegalArgumentException
	 *             naming the known link ids when one does not exist in the QuestionnaireResponse
	 */
	public QuestionnaireResponse answerUserTask(QuestionnaireResponse pending, java.util.Map<String, Type> answers)
	{
		QuestionnaireResponse answered = pending.copy();
		for (var answer : answers.entrySet())
		{
			var item = answered.getItem().stream().filter(i -> answer.getKey().equals(i.getLinkId())).findFirst()
					.orElseThrow(() -> new IllegalArgumentException("the user task has no item '" + answer.getKey()
							+ "'; items: " + answered.getItem().stream().map(i -> i.getLinkId())
									.collect(Collectors.joining(", "))));
			item.getAnswer().clear();
			item.addAnswer().setValue(answer.getValue());
		}
		answered.setStatus(QuestionnaireResponseStatus.COMPLETED);
		return (QuestionnaireResponse) fhir.update().resource(answered).execute().getResource();
	}

	/**
	 * Searches and follows next links.
	 *
	 * @param query
	 *            relative search URL, e.g. {@code Task?status=completed}
	 */
	public <R extends Resource> List<R> search(Class<R> type, String query)
	{
		List<R> found = new ArrayList<>();
		Bundle page = fhir.search().byUrl(query).returnBundle(Bundle.class).execute();
		while (true)
		{
			page.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
					.map(type::cast).forEach(found::add);
			if (page.getLink(Bundle.LINK_NEXT) == null)
				return found;
			String next = page.getLink(Bundle.LINK_NEXT).getUrl();
			if (!connectUrl.equals(baseUrl) && next.startsWith(baseUrl + "/"))
				next = connectUrl + next.substring(baseUrl.length());
			page = fhir.loadPage().byUrl(next).andReturnBundle(Bundle.class).execute();
		}
	}

	/** The organization the server belongs to: the one whose Endpoint has the server's base URL as address. */
	private String serverOrganization()
	{
		List<org.hl7.fhir.r4.model.Organization> organizations = search(org.hl7.fhir.r4.model.Organization.class,
				"Endpoint?address=" + baseUrl + "&_include=Endpoint:organization");
		return organizations.stream().flatMap(o -> o.getIdentifier().stream())
				.filter(i -> ORGANIZATION_IDENTIFIER_SYSTEM.equals(i.getSystem())).map(Identifier::getValue)
				.findFirst().orElseThrow(() -> new ProcessStartException(
						"no organization at " + baseUrl + " has an Endpoint with that address"));
	}

	static Reference organizationReference(String identifier)
	{
		return new Reference().setType("Organization")
				.setIdentifier(new Identifier().setSystem(ORGANIZATION_IDENTIFIER_SYSTEM).setValue(identifier));
	}

	private static String idPart(String taskId)
	{
		return new org.hl7.fhir.r4.model.IdType(taskId).getIdPart();
	}

	private static void sleep()
	{
		try
		{
			Thread.sleep(POLL_INTERVAL.toMillis());
		}
		catch (InterruptedException e)
		{
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting", e);
		}
	}

	@Override
	public void close()
	{
		try
		{
			httpClient.close();
		}
		catch (java.io.IOException e)
		{
			// nothing left to release
		}
	}
}
