package org.dsftestbed.bpe.fhir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;

import org.dsftestbed.fhir.context.FhirContexts;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dsf.fhir.client.FhirWebserviceClient;

/**
 * The BPE's link to one of its FHIR server's two websocket Subscriptions (spec §4.3, §4.4): finds the Subscription
 * (strict search, total must be 1; retried every 5 s), catches up on matching resources by search (status criteria,
 * {@code _lastUpdated=gt<last event>}, {@code _count=20&_page=1&_sort=_lastUpdated}, repeated until the total is 0),
 * then binds the websocket and hands every received resource to the handler. Resources go to the handler one at a time
 * in the order received. On a close or error the connection is made again (catch-up included).
 * <p>
 * {@link #pause()} closes the websocket and keeps it closed until {@link #resume()}, which connects as after a restart
 * of a DSF BPE: catch-up search from the last event handled, then bind. Resources pushed while paused are not handled
 * (nor counted as events), so the catch-up finds them.
 */
public final class SubscriptionConnection<R extends Resource> implements AutoCloseable
{
	private static final Logger logger = LoggerFactory.getLogger(SubscriptionConnection.class);

	static final Duration RETRY_DELAY = Duration.ofSeconds(5);
	static final int PAGE_COUNT = 20;

	/** The requested-Task subscription, {@code Task?status=requested}. */
	public static SubscriptionConnection<Task> tasks(String baseUrl, FhirWebserviceClient localClient,
			SSLContext sslContext, Consumer<Task> handler)
	{
		return new SubscriptionConnection<>(baseUrl, localClient, sslContext, Task.class, "Task", "requested",
				handler);
	}

	/** The completed-QuestionnaireResponse subscription, {@code QuestionnaireResponse?status=completed}. */
	public static SubscriptionConnection<QuestionnaireResponse> questionnaireResponses(String baseUrl,
			FhirWebserviceClient localClient, SSLContext sslContext, Consumer<QuestionnaireResponse> handler)
	{
		return new SubscriptionConnection<>(baseUrl, localClient, sslContext, QuestionnaireResponse.class,
				"QuestionnaireResponse", "completed", handler);
	}

	private final String baseUrl;
	private final FhirWebserviceClient client;
	private final HttpClient httpClient;
	private final Class<R> type;
	private final String resourceName;
	private final String status;
	private final Consumer<R> handler;
	private final ExecutorService worker;
	private final ExecutorService handlerThread;

	private volatile boolean closed;
	private volatile WebSocket webSocket;
	private volatile CompletableFuture<Void> connected;
	private volatile LocalDateTime lastEventTime;
	private volatile CompletableFuture<String> bound = new CompletableFuture<>();
	private final Object pauseLock = new Object();
	private volatile boolean paused;

	public SubscriptionConnection(String baseUrl, FhirWebserviceClient localClient, SSLContext sslContext,
			Class<R> type, String resourceName, String status, Consumer<R> handler)
	{
		this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
		this.client = Objects.requireNonNull(localClient, "localClient");
		this.httpClient = HttpClient.newBuilder().sslContext(sslContext).connectTimeout(Duration.ofSeconds(10))
				.build();
		this.type = type;
		this.resourceName = resourceName;
		this.status = status;
		this.handler = Objects.requireNonNull(handler, "handler");
		this.worker = Executors.newSingleThreadExecutor(r -> daemon(r, "subscription-" + resourceName));
		this.handlerThread = Executors.newSingleThreadExecutor(r -> daemon(r, "handler-" + resourceName));
	}

	private static Thread daemon(Runnable r, String name)
	{
		Thread t = new Thread(r, name);
		t.setDaemon(true);
		return t;
	}

	/** {@code https://…/fhir} → {@code wss://…/fhir/ws}, {@code http://} → {@code ws://}. */
	public static URI webSocketUri(String baseUrl)
	{
		return URI.create(baseUrl.replaceFirst("^https://", "wss://").replaceFirst("^http://", "ws://") + "/ws");
	}

	/** Connects in the background; {@link #awaitBound(Duration)} tells when the first bind succeeded. */
	public SubscriptionConnection<R> start()
	{
		worker.execute(this::connectLoop);
		return this;
	}

	/**
	 * Waits until the websocket is bound (after {@link #start()}: the first time; after {@link #resume()}: again),
	 * returning the Subscription id.
	 */
	public String awaitBound(Duration timeout) throws Exception
	{
		return bound.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Closes the websocket and handles nothing more until {@link #resume()}. */
	public void pause()
	{
		synchronized (pauseLock)
		{
			paused = true;
		}
		disconnect();
	}

	/** Connects again after {@link #pause()}: catch-up search, then bind; {@link #awaitBound} tells when bound. */
	public void resume()
	{
		synchronized (pauseLock)
		{
			if (!paused)
				return;
			bound = new CompletableFuture<>();
			paused = false;
			pauseLock.notifyAll();
		}
	}

	private void awaitResumed() throws InterruptedException
	{
		synchronized (pauseLock)
		{
			while (paused && !closed)
				pauseLock.wait();
		}
	}

	private void disconnect()
	{
		CompletableFuture<Void> done = connected;
		if (done != null)
			done.complete(null);
		WebSocket ws = webSocket;
		if (ws != null)
			ws.abort();
	}

	private void connectLoop()
	{
		while (!closed)
		{
			try
			{
				awaitResumed();
				if (closed)
					return;
				String subscriptionId = findSubscription();
				handlerThread.submit(this::catchUp).get();
				CompletableFuture<Void> done = connect(subscriptionId);
				if (paused) // paused while connecting: the pause's disconnect may have missed this websocket
					disconnect();
				done.join();
			}
			catch (Exception e)
			{
				if (closed)
					return;
				if (paused)
					continue;
				logger.warn("Subscription {}?status={}: {} - {}; retrying in {}", resourceName, status,
						e.getClass().getName(), e.getMessage(), RETRY_DELAY);
				sleep(RETRY_DELAY);
			}
		}
	}

	private String findSubscription()
	{
		while (!closed)
		{
			try
			{
				Bundle bundle = client.searchWithStrictHandling(Subscription.class,
						Map.of("criteria:exact", List.of(resourceName + "?status=" + status), "status",
								List.of("active"), "type", List.of("websocket"), "payload",
								List.of("application/fhir+json")));
				if (bundle.getTotal() != 1)
					throw new IllegalStateException("Expected exactly one Subscription for " + resourceName
							+ "?status=" + status + ", found " + bundle.getTotal());
				return bundle.getEntryFirstRep().getResource().getIdElement().getIdPart();
			}
			catch (Exception e)
			{
				logger.warn("Unable to find Subscription {}?status={}: {}; retrying in {}", resourceName, status,
						e.getMessage(), RETRY_DELAY);
				sleep(RETRY_DELAY);
			}
		}
		throw new IllegalStateException("closed");
	}

	/** Searches page 1 again and again until the total is 0; the last event time moves on with every resource. */
	void catchUp()
	{
		while (!closed && !paused)
		{
			Map<String, List<String>> params = new HashMap<>();
			params.put("status", List.of(status));
			LocalDateTime last = lastEventTime;
			if (last != null)
				params.put("_lastUpdated", List.of("gt" + last.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)));
			params.put("_count", List.of(String.valueOf(PAGE_COUNT)));
			params.put("_page", List.of("1"));
			params.put("_sort", List.of("_lastUpdated"));

			Bundle bundle = client.searchWithStrictHandling(type, params);
			if (bundle.getTotal() <= 0)
				return;
			boolean any = false;
			for (Bundle.BundleEntryComponent entry : bundle.getEntry())
			{
				if (type.isInstance(entry.getResource()))
				{
					any = true;
					handle(type.cast(entry.getResource()));
				}
			}
			if (!any)
				return;
		}
	}

	private void handle(R resource)
	{
		if (paused)
			return;
		try
		{
			handler.accept(resource);
		}
		catch (Exception e)
		{
			logger.error("Handler failed for {}: {} - {}", resource.getIdElement().getValue(),
					e.getClass().getName(), e.getMessage(), e);
		}
		if (resource.getMeta().getLastUpdated() != null)
			lastEventTime = LocalDateTime.ofInstant(resource.getMeta().getLastUpdated().toInstant(),
					ZoneId.systemDefault());
	}

	private CompletableFuture<Void> connect(String subscriptionId) throws Exception
	{
		CompletableFuture<Void> done = new CompletableFuture<>();
		connected = done;
		WebSocket.Listener listener = new WebSocket.Listener()
		{
			private final StringBuilder partial = new StringBuilder();

			@Override
			public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last)
			{
				partial.append(data);
				if (last)
				{
					String message = partial.toString();
					partial.setLength(0);
					onMessage(subscriptionId, message);
				}
				ws.request(1);
				return null;
			}

			@Override
			public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason)
			{
				logger.info("Websocket for {} closed: {} {}", resourceName, statusCode, reason);
				done.complete(null);
				return null;
			}

			@Override
			public void onError(WebSocket ws, Throwable error)
			{
				done.completeExceptionally(error);
			}
		};
		webSocket = httpClient.newWebSocketBuilder().buildAsync(webSocketUri(baseUrl), listener).get(10,
				TimeUnit.SECONDS);
		webSocket.sendText("bind " + subscriptionId, true).get(10, TimeUnit.SECONDS);
		return done;
	}

	private void onMessage(String subscriptionId, String message)
	{
		if (message.startsWith("bound "))
		{
			logger.debug("Websocket bound to {}", subscriptionId);
			bound.complete(subscriptionId);
			return;
		}
		if (message.startsWith("ping "))
			return;
		try
		{
			R resource = FhirContexts.r4().newJsonParser().parseResource(type, message);
			handlerThread.execute(() -> handle(resource));
		}
		catch (Exception e)
		{
			logger.warn("Unable to parse websocket message for {}: {}", resourceName, e.getMessage());
		}
	}

	private static void sleep(Duration d)
	{
		try
		{
			Thread.sleep(d.toMillis());
		}
		catch (InterruptedException e)
		{
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close()
	{
		synchronized (pauseLock)
		{
			closed = true;
			pauseLock.notifyAll();
		}
		disconnect();
		worker.shutdownNow();
		handlerThread.shutdown();
		try
		{
			handlerThread.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e)
		{
			Thread.currentThread().interrupt();
		}
	}
}
