package org.dsftestbed.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.dsftestbed.fhir.context.FhirContexts;
import org.dsftestbed.fhir.server.FhirServer;
import org.dsftestbed.fhir.server.FhirServerConfig;
import org.dsftestbed.network.AllowListBundle;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkPresets;
import org.dsftestbed.pki.KeyType;
import org.dsftestbed.pki.TlsContexts;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

/**
 * Start-up of FHIR servers with their bundles, and Task create+read throughput over mutual TLS on loopback.
 * Targets (2 cores): every server after the first in a JVM starts in at most 1 s; at least 1,000 Task creates per
 * second. Run: see the README ("Benchmarks").
 */
public final class FhirServerBenchmark
{
	private static final String PROCESS = "http://dsf.test/bpe/Process/ping";
	private static final String TASK_PROFILE = "http://dsf.dev/fhir/StructureDefinition/task-base|1.0.0";

	public static void main(String[] args) throws Exception
	{
		int servers = Integer.getInteger("servers", 6);
		int tasks = Integer.getInteger("tasks", 5000);
		int concurrency = Integer.getInteger("concurrency", 16);

		NetworkDefinition network = NetworkPresets.load("tutorial");
		NetworkCertificates certificates = NetworkCertificates.generate(network, KeyType.RSA_2048, Clock.systemUTC());
		var bundle = AllowListBundle.builder(network).thumbprints(certificates::allowListThumbprints).build();
		var dic = certificates.organization("dic.dsf.test");

		List<Long> startMillis = new ArrayList<>();
		List<FhirServer> started = new ArrayList<>();
		for (int i = 0; i < servers; i++)
		{
			long begin = System.nanoTime();
			started.add(FhirServer.start(FhirServerConfig.of("dic.dsf.test", dic.server(), dic.client(),
					certificates.pki().caCertificates()).withInitialBundle(bundle.copy())
					.withValidation(Boolean.parseBoolean(System.getProperty("validation", "true")))));
			startMillis.add((System.nanoTime() - begin) / 1_000_000);
		}
		System.out.printf("server start: first %d ms; after the first: %s ms (median %d, max %d)%n", startMillis.get(0),
				startMillis.subList(1, startMillis.size()), median(startMillis.subList(1, startMillis.size())),
				Collections.max(startMillis.subList(1, startMillis.size())));
		FhirServer server = started.get(0);
		for (FhirServer other : started.subList(1, started.size()))
			other.close();

		HttpClient local = client(certificates, "dic.dsf.test");
		HttpClient remote = client(certificates, "hrp.dsf.test");
		check(post(local, server.baseUrl() + "/ActivityDefinition", json(activityDefinition()), null), 201);

		String task = json(task());
		// warm-up: JIT, validator caches
		run(remote, server.baseUrl(), task, 500, concurrency);
		long begin = System.nanoTime();
		List<String> locations = run(remote, server.baseUrl(), task, tasks, concurrency);
		double seconds = (System.nanoTime() - begin) / 1e9;
		System.out.printf("Task create: %d in %.2f s = %.0f per second (concurrency %d, Prefer: return=minimal)%n", tasks,
				seconds, tasks / seconds, concurrency);

		begin = System.nanoTime();
		readAll(remote, locations, concurrency);
		seconds = (System.nanoTime() - begin) / 1e9;
		System.out.printf("Task read: %d in %.2f s = %.0f per second%n", locations.size(), seconds,
				locations.size() / seconds);
		server.close();
	}

	private static List<String> run(HttpClient client, String base, String body, int count, int concurrency)
			throws Exception
	{
		Semaphore inFlight = new Semaphore(concurrency);
		List<String> locations = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger failures = new AtomicInteger();
		List<CompletableFuture<?>> all = new ArrayList<>();
		for (int i = 0; i < count; i++)
		{
			inFlight.acquire();
			all.add(client.sendAsync(request(base + "/Task", body, "return=minimal"), HttpResponse.BodyHandlers.discarding())
					.whenComplete((response, error) ->
					{
						inFlight.release();
						if (error != null || response.statusCode() != 201)
							failures.incrementAndGet();
						else
							locations.add(response.headers().firstValue("Location").orElseThrow());
					}));
		}
		CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
		if (failures.get() > 0)
			throw new IllegalStateException(failures.get() + " Task creates failed");
		return locations;
	}

	private static void readAll(HttpClient client, List<String> locations, int concurrency) throws Exception
	{
		Semaphore inFlight = new Semaphore(concurrency);
		AtomicInteger failures = new AtomicInteger();
		List<CompletableFuture<?>> all = new ArrayList<>();
		for (String location : locations)
		{
			inFlight.acquire();
			all.add(client.sendAsync(HttpRequest.newBuilder(URI.create(location.replaceFirst("/_history/.*", "")))
					.header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.discarding())
					.whenComplete((response, error) ->
					{
						inFlight.release();
						if (error != null || response.statusCode() != 200)
							failures.incrementAndGet();
					}));
		}
		CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
		if (failures.get() > 0)
			throw new IllegalStateException(failures.get() + " Task reads failed");
	}

	private static HttpClient client(NetworkCertificates certificates, String organization)
	{
		return HttpClient.newBuilder().sslContext(TlsContexts.create(certificates.organization(organization).client(),
				certificates.pki().caCertificates())).connectTimeout(Duration.ofSeconds(10)).build();
	}

	private static HttpRequest request(String url, String body, String prefer)
	{
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/fhir+json")
				.header("Accept", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(body));
		if (prefer != null)
			builder.header("Prefer", prefer);
		return builder.build();
	}

	private static HttpResponse<String> post(HttpClient client, String url, String body, String prefer) throws Exception
	{
		return client.send(request(url, body, prefer), HttpResponse.BodyHandlers.ofString());
	}

	private static void check(HttpResponse<String> response, int status)
	{
		if (response.statusCode() != status)
			throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + ": " + response.body());
	}

	private static long median(List<Long> values)
	{
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static String json(org.hl7.fhir.r4.model.Resource resource)
	{
		return FhirContexts.r4().newJsonParser().encodeResourceToString(resource);
	}

	private static ActivityDefinition activityDefinition()
	{
		ActivityDefinition process = new ActivityDefinition();
		process.getMeta().addTag("http://dsf.dev/fhir/CodeSystem/read-access-tag", "ALL", null);
		process.setUrl(PROCESS).setVersion("1.0").setStatus(PublicationStatus.ACTIVE);
		Extension authorization = process.addExtension().setUrl("http://dsf.dev/fhir/StructureDefinition/extension-process-authorization");
		authorization.addExtension("message-name", new StringType("startPing"));
		authorization.addExtension("task-profile", new CanonicalType(TASK_PROFILE));
		authorization.addExtension("requester", new Coding("http://dsf.dev/fhir/CodeSystem/process-authorization", "REMOTE_ALL", null));
		authorization.addExtension("recipient", new Coding("http://dsf.dev/fhir/CodeSystem/process-authorization", "LOCAL_ALL", null));
		return process;
	}

	private static Task task()
	{
		Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
				.setInstantiatesCanonical(PROCESS + "|1.0").setAuthoredOn(new Date());
		task.getMeta().addProfile(TASK_PROFILE);
		task.setRequester(organization("hrp.dsf.test"));
		task.getRestriction().addRecipient(organization("dic.dsf.test"));
		Task.ParameterComponent input = task.addInput().setValue(new StringType("startPing"));
		input.setType(new CodeableConcept(new Coding("http://dsf.dev/fhir/CodeSystem/bpmn-message", "message-name", null)));
		return task;
	}

	private static Reference organization(String identifier)
	{
		return new Reference().setType("Organization")
				.setIdentifier(new Identifier().setSystem("http://dsf.dev/sid/organization-identifier").setValue(identifier));
	}
}
