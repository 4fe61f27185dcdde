package org.dsftestbed.fhir.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

import org.hl7.fhir.r4.model.Resource;

/**
 * The in-memory resource store of one FHIR server: every version of every resource, ids as random UUIDs, versions
 * counting from 1, {@code meta.versionId} and {@code meta.lastUpdated} set by the store as DSF's database does.
 * <p>
 * Thread-safe. Resources go in and come out as copies, so callers can never change what is stored. Compound
 * operations that must see a consistent state (check-then-write, e.g. uniqueness rules or transactions) run
 * inside {@link #writeLocked(java.util.function.Supplier)}.
 */
public final class ResourceStore
{
	/** One version of a resource; {@code resource} is {@code null} for a deletion. */
	public record Version(String type, String id, long version, Instant lastUpdated, Resource resource)
	{
		public boolean deleted()
		{
			return resource == null;
		}
	}

	/** What a read by id found. */
	public sealed interface Lookup permits Found, Gone, Missing
	{
	}

	public record Found(Resource resource) implements Lookup
	{
	}

	/** The resource was deleted in {@code version}. */
	public record Gone(long version, Instant deletedAt) implements Lookup
	{
	}

	public record Missing() implements Lookup
	{
	}

	private final Map<String, Map<String, List<Version>>> byType = new ConcurrentHashMap<>();
	// writes per type, so derived caches (e.g. the validator's profiles) know when to rebuild
	private final Map<String, java.util.concurrent.atomic.AtomicLong> writes = new ConcurrentHashMap<>();
	// versions appended inside atomically(), per thread, to undo them on failure
	private final ThreadLocal<List<Version>> transactions = new ThreadLocal<>();
	private final ReadWriteLock lock = new ReentrantReadWriteLock();
	private final Clock clock;
	private volatile StoreJournal journal = StoreJournal.NONE;

	public ResourceStore(Clock clock)
	{
		this.clock = clock;
	}

	/**
	 * From now on every committed write is reported to {@code journal} as well (e.g. a {@link StoreJournalFile} that
	 * restored this store).
	 */
	public void journalTo(StoreJournal journal)
	{
		writeLocked(() ->
		{
			this.journal = java.util.Objects.requireNonNull(journal, "journal");
			return null;
		});
	}

	/** Runs {@code work} with exclusive access: nothing else reads or writes meanwhile. */
	public <T> T writeLocked(java.util.function.Supplier<T> work)
	{
		lock.writeLock().lock();
		try
		{
			return work.get();
		}
		finally
		{
			lock.writeLock().unlock();
		}
	}

	private <T> T readLocked(java.util.function.Supplier<T> work)
	{
		lock.readLock().lock();
		try
		{
			return work.get();
		}
		finally
		{
			lock.readLock().unlock();
		}
	}

	/** Stores a new resource with a fresh UUID as version 1; returns the stored copy. */
	public Resource create(Resource resource)
	{
		return create(resource, newId());
	}

	/**
	 * Stores a new resource under an id chosen before, e.g. for a {@code urn:uuid} entry of a transaction that other
	 * entries reference.
	 *
	 * @throws IllegalStateException
	 *             when the id is taken
	 */
	public Resource create(Resource resource, String id)
	{
		return writeLocked(() ->
		{
			if (!versions(resource.fhirType(), id).isEmpty())
				throw new IllegalStateException(resource.fhirType() + "/" + id + " exists");
			return append(resource.fhirType(), id, 1, resource);
		});
	}

	public static String newId()
	{
		return UUID.randomUUID().toString();
	}

	/**
	 * Runs {@code work} exclusively and atomically: when it throws, every version it stored is removed again, so
	 * the store is as before (for FHIR transactions).
	 */
	public <T> T atomically(java.util.function.Supplier<T> work)
	{
		return writeLocked(() ->
		{
			List<Version> transaction = new ArrayList<>();
			transactions.set(transaction);
			try
			{
				T result = work.get();
				if (!transaction.isEmpty())
					journal.committed(List.copyOf(transaction));
				return result;
			}
			catch (RuntimeException | Error e)
			{
				for (int i = transaction.size() - 1; i >= 0; i--)
				{
					Version appended = transaction.get(i);
					Map<String, List<Version>> ofType = byType.get(appended.type());
					List<Version> versions = ofType.get(appended.id());
					versions.remove(versions.size() - 1);
					if (versions.isEmpty())
						ofType.remove(appended.id());
					countWrite(appended.type());
				}
				throw e;
			}
			finally
			{
				transactions.remove();
			}
		});
	}

	/**
	 * Stores a new version of an existing, not deleted resource ({@code resource.getIdElement().getIdPart()});
	 * returns the stored copy.
	 *
	 * @throws IllegalStateException
	 *             when there is no such live resource
	 */
	public Resource update(Resource resource)
	{
		return writeLocked(() ->
		{
			String type = resource.fhirType();
			String id = resource.getIdElement().getIdPart();
			List<Version> versions = versions(type, id);
			if (versions.isEmpty() || last(versions).deleted())
				throw new IllegalStateException(type + "/" + id + " does not exist");
			return append(type, id, last(versions).version() + 1, resource);
		});
	}

	/**
	 * Marks a live resource as deleted (a new version without content).
	 *
	 * @return the deletion's version, or empty when there is no live resource
	 */
	public Optional<Version> delete(String type, String id)
	{
		return writeLocked(() ->
		{
			List<Version> versions = versions(type, id);
			if (versions.isEmpty() || last(versions).deleted())
				return Optional.empty();
			Version deletion = new Version(type, id, last(versions).version() + 1, now(), null);
			versions.add(deletion);
			journal(deletion);
			return Optional.of(deletion);
		});
	}

	/** Removes every version of a resource, as if it had never existed. */
	public boolean permanentlyDelete(String type, String id)
	{
		return writeLocked(() ->
		{
			Map<String, List<Version>> ofType = byType.get(type);
			countWrite(type);
			boolean removed = ofType != null && ofType.remove(id) != null;
			if (removed)
				journal.purged(type, id);
			return removed;
		});
	}

	public Lookup read(String type, String id)
	{
		return readLocked(() ->
		{
			List<Version> versions = versions(type, id);
			if (versions.isEmpty())
				return new Missing();
			Version latest = last(versions);
			return latest.deleted() ? new Gone(latest.version(), latest.lastUpdated())
					: new Found(latest.resource().copy());
		});
	}

	public Lookup readVersion(String type, String id, long version)
	{
		return readLocked(() ->
		{
			for (Version v : versions(type, id))
				if (v.version() == version)
					return v.deleted() ? new Gone(v.version(), v.lastUpdated()) : new Found(v.resource().copy());
			return new Missing();
		});
	}

	/** Every version of a resource, oldest first (copies). */
	public List<Version> history(String type, String id)
	{
		return readLocked(() -> copies(versions(type, id)));
	}

	/** Every version of every resource of a type, or of all types when {@code type} is null, oldest first. */
	public List<Version> history(String type)
	{
		return readLocked(() ->
		{
			List<Version> all = new ArrayList<>();
			(type == null ? byType.values() : List.of(byType.getOrDefault(type, Map.of())))
					.forEach(ofType -> ofType.values().forEach(all::addAll));
			all.sort(java.util.Comparator.comparing(Version::lastUpdated).thenComparing(Version::version));
			return copies(all);
		});
	}

	/** The current, not deleted resources of a type that match {@code filter} (copies, unordered). */
	public List<Resource> current(String type, Predicate<Resource> filter)
	{
		return readLocked(() ->
		{
			List<Resource> result = new ArrayList<>();
			for (List<Version> versions : byType.getOrDefault(type, Map.of()).values())
			{
				Version latest = last(versions);
				if (latest.deleted())
					continue;
				// the filter sees a copy: HAPI getters create missing elements, which must not change stored data
				Resource copy = latest.resource().copy();
				if (filter.test(copy))
					result.add(copy);
			}
			return result;
		});
	}

	/** The current, not deleted resources of every type that match {@code filter} (copies). */
	public List<Resource> currentOfAllTypes(Predicate<Resource> filter)
	{
		return readLocked(() ->
		{
			List<Resource> result = new ArrayList<>();
			for (String type : byType.keySet())
				result.addAll(current(type, filter));
			return result;
		});
	}

	private Resource append(String type, String id, long version, Resource resource)
	{
		Resource stored = resource.copy();
		stored.setId(type + "/" + id);
		stored.getMeta().setVersionId(Long.toString(version));
		Instant now = now();
		stored.getMeta().setLastUpdated(Date.from(now));
		Version appended = new Version(type, id, version, now, stored);
		byType.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).computeIfAbsent(id, i -> new ArrayList<>())
				.add(appended);
		journal(appended);
		Resource result = stored.copy();
		result.setId(type + "/" + id + "/_history/" + version);
		return result;
	}

	private record Derived(long writeCount, Object value)
	{
	}

	private final Map<String, Derived> derived = new ConcurrentHashMap<>();

	/**
	 * A value computed from the current resources of a type (e.g. an index by identifier), kept until resources of
	 * that type are written again. {@code compute} gets copies; the value is shared between callers, so it and the
	 * resources in it must be treated as read-only.
	 *
	 * @param name
	 *            distinguishes several values derived from one type
	 */
	@SuppressWarnings("unchecked")
	public <T> T derived(String type, String name, java.util.function.Function<List<Resource>, T> compute)
	{
		String key = type + "#" + name;
		long writeCount = writeCount(type);
		Derived cached = derived.get(key);
		if (cached != null && cached.writeCount() == writeCount)
			return (T) cached.value();
		T value = compute.apply(current(type, r -> true));
		derived.put(key, new Derived(writeCount, value));
		return value;
	}

	/** How often resources of {@code type} were written (created, updated, deleted, rolled back) so far. */
	public long writeCount(String type)
	{
		java.util.concurrent.atomic.AtomicLong count = writes.get(type);
		return count == null ? 0 : count.get();
	}

	private void countWrite(String type)
	{
		writes.computeIfAbsent(type, t -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
	}

	/** Outside a transaction a write is committed at once; inside, with the transaction. */
	private void journal(Version appended)
	{
		countWrite(appended.type());
		List<Version> transaction = transactions.get();
		if (transaction != null)
			transaction.add(appended);
		else
			journal.committed(List.of(appended));
	}

	/**
	 * Puts back a version read from a journal, with its id, version number and time; {@code resource} must carry its
	 * {@code meta} already. Only the next version of the resource is accepted.
	 *
	 * @throws IllegalStateException
	 *             when it is not the next version of that resource
	 */
	void restore(Version version)
	{
		writeLocked(() ->
		{
			List<Version> versions = byType.computeIfAbsent(version.type(), t -> new ConcurrentHashMap<>())
					.computeIfAbsent(version.id(), i -> new ArrayList<>());
			long expected = versions.isEmpty() ? 1 : last(versions).version() + 1;
			if (version.version() != expected)
			{
				if (versions.isEmpty())
					byType.get(version.type()).remove(version.id());
				throw new IllegalStateException(version.type() + "/" + version.id() + " version " + version.version()
						+ " where version " + expected + " was expected");
			}
			versions.add(version);
			countWrite(version.type());
			return null;
		});
	}

	/** Removes a resource read from a journal as purged; nothing when it is unknown. */
	void restorePurge(String type, String id)
	{
		writeLocked(() ->
		{
			Map<String, List<Version>> ofType = byType.get(type);
			if (ofType != null)
				ofType.remove(id);
			countWrite(type);
			return null;
		});
	}

	private Instant now()
	{
		return clock.instant();
	}

	private List<Version> versions(String type, String id)
	{
		Map<String, List<Version>> ofType = byType.get(type);
		if (ofType == null)
			return new ArrayList<>();
		return ofType.getOrDefault(id, new ArrayList<>());
	}

	private static Version last(List<Version> versions)
	{
		return versions.get(versions.size() - 1);
	}

	private static List<Version> copies(List<Version> versions)
	{
		List<Version> result = new ArrayList<>(versions.size());
		for (Version v : versions)
			result.add(new Version(v.type(), v.id(), v.version(), v.lastUpdated(),
					v.deleted() ? null : v.resource().copy()));
		return Collections.unmodifiableList(result);
	}
}
