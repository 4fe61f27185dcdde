package org.dsftestbed.fhir.websocket;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.dsftestbed.fhir.identity.Identity;
import org.dsftestbed.fhir.identity.IdentityResolver;
import org.dsftestbed.fhir.rest.Authorizer;
import org.dsftestbed.fhir.store.ResourceStore;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.DispatcherType;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;

/**
 * DSF's websocket subscription endpoint ({@code wss://<host>/fhir/ws}) for one FHIR server.
 * <p>
 * The client authenticates with its client certificate; identities without the WEBSOCKET role (remote
 * organizations) are closed with VIOLATED_POLICY. A client sends {@code bind <subscription id>}; for an active
 * Subscription the server answers {@code bound <subscription id>}, otherwise it closes with CANNOT_ACCEPT. From then on
 * every created or updated resource that matches the criteria of an active Subscription goes to the sessions bound to
 * it whose identity may read the resource: as JSON or XML (payload {@code application/fhir+json} or
 * {@code application/fhir+xml}, logical references without their literal part) or as {@code ping <subscription id>}.
 * Each session gets websocket ping frames at a fixed interval (DSF: 28 s).
 * <p>
 * {@link #accept(Resource)} is the store's change listener. It only queues the resource: matching, the read check
 * and serialisation run on one event thread in the order of the changes, and each session sends asynchronously from
 * its own queue, so neither the REST request nor other sessions wait for a slow or broken client. Subscriptions are
 * read from the store for every change, so new, changed and deleted Subscriptions count at once.
 *
 * <pre>{@code
 * WebSocketSubscriptions webSocket = new WebSocketSubscriptions(store, authorizer, identities, "dic.dsf.test",
 * 		WebSocketSubscriptions.DSF_PING_INTERVAL);
 * webSocket.install(servletContextHandler); // before the server starts
 * new ResourceOperations(store, authorizer, searcher, validator, baseUrl, webSocket);
 * }</pre>
 */
public final class WebSocketSubscriptions implements Consumer<Resource>, AutoCloseable
{
	private static final Logger logger = LoggerFactory.getLogger(WebSocketSubscriptions.class);

	/** Path below the FHIR context ({@code /fhir/ws}). */
	public static final String PATH = "/ws";
	/** DSF's interval between websocket ping frames. */
	public static final Duration DSF_PING_INTERVAL = Duration.ofSeconds(28);

	private final ResourceStore store;
	private final Authorizer authorizer;
	private final IdentityResolver identities;
	private final Duration pingInterval;
	private final ActiveSubscriptions activeSubscriptions;
	private final ExecutorService events;
	private final ExecutorService senders;
	private final ScheduledExecutorService pingers;
	private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
	private final Map<String, Set<Connection>> bySubscription = new ConcurrentHashMap<>();
	private volatile boolean closed;

	/**
	 * @param authorizer
	 *            decides whether a bound identity may read a matching resource (the REST read rule)
	 * @param identities
	 *            finds the identity of a client certificate, as for REST requests
	 * @param name
	 *            for thread names, e.g. the organization identifier
	 * @param pingInterval
	 *            between websocket ping frames to each session; keep it below the connection's idle timeout (Jetty:
	 *            30 s), as DSF's 28 s are
	 */
	public WebSocketSubscriptions(ResourceStore store, Authorizer authorizer, IdentityResolver identities, String name,
			Duration pingInterval)
	{
		this.store = Objects.requireNonNull(store, "store");
		this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
		this.identities = Objects.requireNonNull(identities, "identities");
		if (pingInterval.isNegative() || pingInterval.isZero())
			throw new IllegalArgumentException("ping interval must be positive: " + pingInterval);
		this.pingInterval = pingInterval;
		this.activeSubscriptions = new ActiveSubscriptions(store);
		this.events = Executors.newSingleThreadExecutor(daemonThreads("fhir-ws-events-" + name));
		this.senders = Executors.newCachedThreadPool(daemonThreads("fhir-ws-send-" + name));
		this.pingers = Executors.newSingleThreadScheduledExecutor(daemonThreads("fhir-ws-ping-" + name));
	}

	/** Adds the endpoint at {@link #PATH} to a servlet context that has not started yet. */
	public void install(ServletContextHandler context)
	{
		JakartaWebSocketServletContainerInitializer.configure(context, null);
		context.addFilter(new FilterHolder(new UpgradeFilter(this, identities)), PATH,
				EnumSet.of(DispatcherType.REQUEST));
	}

	/** A resource was created or updated (the stored version); returns at once. */
	@Override
	public void accept(Resource changed)
	{
		if (closed)
			return;
		// a copy: the caller goes on using its object (response, HAPI's element-creating getters) meanwhile
		Resource snapshot = changed.copy();
		try
		{
			events.execute(() -> dispatch(snapshot));
		}
		catch (RejectedExecutionException e)
		{
			// closed meanwhile
		}
	}

	/** Open, not yet closed sessions of identities with the WEBSOCKET role. */
	public int openSessions()
	{
		return connections.size();
	}

	/** Messages queued for all open sessions and not yet written (including those being written). */
	public int pendingMessages()
	{
		return connections.stream().mapToInt(Connection::pendingMessages).sum();
	}

	Connection open(Session session, Identity identity)
	{
		Connection connection = new Connection(session, identity, new Outbox(session, senders));
		connections.add(connection);
		if (closed)
		{
			closed(connection);
			connection.close(new CloseReason(CloseCodes.GOING_AWAY, "server shutting down"));
			return null;
		}
		try
		{
			long millis = pingInterval.toMillis();
			connection.pingWith(
					pingers.scheduleWithFixedDelay(connection::ping, millis, millis, TimeUnit.MILLISECONDS));
		}
		catch (RejectedExecutionException e)
		{
			closed(connection);
			connection.close(new CloseReason(CloseCodes.GOING_AWAY, "server shutting down"));
			return null;
		}
		logger.debug("websocket session {} of {} open", connection.id(), identity.displayName());
		return connection;
	}

	void bind(Connection connection, String subscriptionId)
	{
		if (!ActiveSubscriptions.isActive(store, subscriptionId))
		{
			logger.warn("websocket session {} of {} cannot bind: no active Subscription {}", connection.id(),
					connection.identity().displayName(), subscriptionId);
			connection.close(new CloseReason(CloseCodes.CANNOT_ACCEPT,
					"Subscription with " + subscriptionId + " not found"));
			return;
		}
		// queued before the binding exists, so the client gets 'bound' before any event of the Subscription
		connection.send("bound " + subscriptionId);
		connection.bound(subscriptionId);
		bySubscription.computeIfAbsent(subscriptionId, id -> ConcurrentHashMap.newKeySet()).add(connection);
		if (connection.isReleased()) // closed meanwhile: closed() may have missed this binding
			unbind(connection, subscriptionId);
		logger.debug("websocket session {} of {} bound to Subscription {}", connection.id(),
				connection.identity().displayName(), subscriptionId);
	}

	void closed(Connection connection)
	{
		connection.release();
		connections.remove(connection);
		for (String subscriptionId : connection.boundSubscriptions())
			unbind(connection, subscriptionId);
	}

	private void unbind(Connection connection, String subscriptionId)
	{
		bySubscription.computeIfPresent(subscriptionId, (id, bound) ->
		{
			bound.remove(connection);
			return bound.isEmpty() ? null : bound;
		});
	}

	private void dispatch(Resource changed)
	{
		try
		{
			Optional<Resource> committed = committed(changed);
			if (committed.isEmpty())
				return;
			Resource resource = committed.get();
			for (ActiveSubscriptions.Active subscription : activeSubscriptions.current())
				deliver(subscription, resource);
		}
		catch (RuntimeException e)
		{
			logger.warn("websocket delivery of {} failed", changed.getIdElement().getValue(), e);
		}
	}

	private void deliver(ActiveSubscriptions.Active subscription, Resource resource)
	{
		Set<Connection> bound = bySubscription.get(subscription.id());
		if (bound == null || bound.isEmpty())
			return;
		try
		{
			if (!subscription.matches(resource, store))
				return;
			String message = null;
			for (Connection connection : List.copyOf(bound))
			{
				if (!authorizer.read(connection.identity(), resource).isAllowed())
				{
					logger.debug("{} not sent to {}: no read access", resource.getIdElement().getValue(),
							connection.identity().displayName());
					continue;
				}
				if (message == null)
					message = subscription.payload().message(subscription.id(), resource);
				connection.send(message);
			}
		}
		catch (RuntimeException e)
		{
			logger.warn("websocket delivery of {} for Subscription {} failed", resource.getIdElement().getValue(),
					subscription.id(), e);
		}
	}

	/**
	 * The stored version of a change, if it is still there: changes inside a FHIR transaction are reported before
	 * the transaction ends, and a failed transaction removes them again. Reading waits for a running transaction, so
	 * only committed versions are delivered, as DSF sends transaction events after the commit.
	 */
	private Optional<Resource> committed(Resource changed)
	{
		String type = changed.fhirType();
		String id = changed.getIdElement().getIdPart();
		long version;
		try
		{
			version = Long.parseLong(changed.getMeta().getVersionId());
		}
		catch (NumberFormatException e)
		{
			return Optional.empty();
		}
		if (!(store.readVersion(type, id, version) instanceof ResourceStore.Found found))
			return Optional.empty();
		Resource stored = found.resource();
		// the same content under the same version, not a later write that reused a rolled back version number
		changed.setIdElement(stored.getIdElement().copy()); // our own snapshot, see accept()
		return stored.equalsDeep(changed) ? Optional.of(stored) : Optional.empty();
	}

	/** Closes every session (GOING_AWAY) and stops the endpoint's threads; later changes are ignored. */
	@Override
	public void close()
	{
		if (closed)
			return;
		closed = true;
		events.shutdownNow();
		for (Connection connection : List.copyOf(connections))
		{
			closed(connection);
			connection.close(new CloseReason(CloseCodes.GOING_AWAY, "server shutting down"));
		}
		pingers.shutdownNow();
		senders.shutdown();
		try
		{
			if (!senders.awaitTermination(5, TimeUnit.SECONDS))
				senders.shutdownNow();
			events.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e)
		{
			senders.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	private static ThreadFactory daemonThreads(String name)
	{
		AtomicInteger count = new AtomicInteger();
		return runnable ->
		{
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}
}
