package org.dsftestbed.bpe.fhir;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.dsftestbed.bpe.plugin.ProcessIdAndVersion;
import org.dsftestbed.bpe.state.BpeDatabase;
import org.dsftestbed.bpe.state.ProcessState;
import org.dsftestbed.bpe.state.ProcessStateChange;
import org.dsftestbed.bpe.state.ResourceRecord;
import org.dsftestbed.fhir.context.FhirContexts;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.NamingSystem;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dsf.fhir.client.FhirWebserviceClient;

/**
 * Uploads plugin FHIR resources to the organization's FHIR server and records them, as DSF 1.9.0's BPE does at start-up
 * after the BPMN deployment decided each process's state (spec §5.4, DSF's {@code FhirResourceHandlerImpl}):
 * <ul>
 * <li>per process the resources it ships now, or, for a process no longer shipped, the ones recorded in the
 * {@link BpeDatabase}; a resource shared by processes is one entry whose new state is the highest-ranking one (ACTIVE
 * over DRAFT over RETIRED over EXCLUDED);</li>
 * <li>a draft redeployed (DRAFT → DRAFT): its resources PUT again, ones new in the draft POSTed, ones dropped from it
 * DELETEd;</li>
 * <li>resources believed active or retired are first verified by a batch of {@code GET {type}?<criteria>&_count=0}
 * (absent ⇒ MISSING, created again);</li>
 * <li>all changes in one batch ordered NamingSystem, CodeSystem, ValueSet, StructureDefinition, Library, Measure,
 * Questionnaire, ActivityDefinition, Task (entries known only from the database first): POST with {@code ifNoneExist}
 * for new, PUT conditional for a state change, DELETE conditional for excluded; MetadataResource status set to
 * active/draft/retired by the new state;</li>
 * <li>the ids the server assigned recorded per process, deleted ones and excluded processes removed.</li>
 * </ul>
 * Conditional criteria: {@code url=<url>&version=<version>}, NamingSystem {@code name=<name>}, Task
 * {@code identifier=http://dsf.dev/sid/task-identifier|<value>&status=draft}.
 */
public final class FhirResourceDeployment
{
	private static final Logger logger = LoggerFactory.getLogger(FhirResourceDeployment.class);

	public static final String TASK_IDENTIFIER_SYSTEM = "http://dsf.dev/sid/task-identifier";

	private static final List<String> ORDER = List.of("NamingSystem", "CodeSystem", "ValueSet", "StructureDefinition",
			"Library", "Measure", "Questionnaire", "ActivityDefinition", "Task");

	/** What happened to one resource. */
	public record Outcome(String resourceType, String criteria, HTTPVerb method, String status, String location,
			Set<ProcessIdAndVersion> processes)
	{
		/** The server-assigned id part of the location, null for deletes. */
		public String id()
		{
			return location == null || location.isBlank() ? null : new IdType(location).getIdPart();
		}
	}

	/** The batch or one of its entries failed; the message names the entry. */
	public static final class DeploymentException extends RuntimeException
	{
		private static final long serialVersionUID = 1L;

		DeploymentException(String message, Throwable cause)
		{
			super(message, cause);
		}
	}

	private static final class Entry
	{
		final String type;
		final String criteria;
		Resource resource;
		final Set<ProcessIdAndVersion> processes = new LinkedHashSet<>();
		ProcessState oldState;
		ProcessState newState;
		String id;

		/** @param resource null for a resource known only from the database */
		Entry(String type, String criteria, Resource resource, String id)
		{
			this.type = type;
			this.criteria = criteria;
			this.resource = resource;
			this.id = id;
		}

		String key()
		{
			return searchUrl();
		}

		int sortIndex()
		{
			return resource == null ? -1 : ORDER.indexOf(type);
		}

		String searchUrl()
		{
			return type + "?" + criteria;
		}

		@Override
		public String toString()
		{
			return searchUrl() + " of processes " + processes;
		}
	}

	private final FhirWebserviceClient localClient;

	public FhirResourceDeployment(FhirWebserviceClient localClient)
	{
		this.localClient = Objects.requireNonNull(localClient, "localClient");
	}

	/** The conditional criteria DSF uses for a plugin resource. */
	public static String criteria(Resource resource)
	{
		if (resource instanceof NamingSystem n)
			return "name=" + n.getName();
		if (resource instanceof Task t)
		{
			String identifier = t.getIdentifier().stream().filter(i -> TASK_IDENTIFIER_SYSTEM.equals(i.getSystem()))
					.map(Identifier::getValue).findFirst().orElseThrow(() -> new IllegalArgumentException(
							"Task without identifier " + TASK_IDENTIFIER_SYSTEM));
			return "identifier=" + TASK_IDENTIFIER_SYSTEM + "|" + identifier + "&status=draft";
		}
		if (resource instanceof MetadataResource m)
			return "url=" + m.getUrl() + "&version=" + m.getVersion();
		throw new IllegalArgumentException("Resource type " + resource.fhirType() + " not supported");
	}

	/**
	 * Applies the state changes to the processes' resources and records the outcome in {@code database}; returns one
	 * outcome per request sent (none if nothing changed).
	 *
	 * @param pluginResources
	 *            the resources of every shipped process, by process
	 * @throws DeploymentException
	 *             if the batch fails or an entry does not answer as expected (the database then stays as it was)
	 */
	public List<Outcome> deploy(List<ProcessStateChange> changes, Map<ProcessIdAndVersion, List<Resource>> pluginResources,
			BpeDatabase database)
	{
		Map<ProcessIdAndVersion, List<ResourceRecord>> known = database.resources();

		Map<String, Entry> entries = new LinkedHashMap<>();
		for (ProcessStateChange change : changes)
			for (Entry entry : currentOrRecorded(change.process(), pluginResources, known))
				merge(entries, entry, change);
		addResourcesDroppedFromDrafts(changes, known, entries);

		markMissing(entries.values());

		List<Entry> toSend = new ArrayList<>(entries.values().stream()
				.filter(e -> e.oldState != e.newState || e.newState == ProcessState.DRAFT)
				.filter(e -> !(e.oldState == ProcessState.NEW && e.newState == ProcessState.EXCLUDED)).toList());
		toSend.sort(Comparator.comparingInt(Entry::sortIndex));
		if (toSend.isEmpty())
			return List.of();

		List<Outcome> outcomes = send(toSend);

		List<String> deletedIds = new ArrayList<>();
		for (int i = 0; i < toSend.size(); i++)
		{
			Entry e = toSend.get(i);
			if (e.newState == ProcessState.EXCLUDED)
			{
				deletedIds.add(e.id);
				e.id = null;
			}
			else
				e.id = outcomes.get(i).id();
		}
		Map<ProcessIdAndVersion, List<ResourceRecord>> uploaded = new LinkedHashMap<>();
		for (Entry e : entries.values())
			e.processes.forEach(p -> uploaded.computeIfAbsent(p, x -> new ArrayList<>())
					.add(new ResourceRecord(e.type, e.criteria, e.id)));
		database.updateResources(uploaded, deletedIds, changes.stream()
				.filter(c -> c.newState() == ProcessState.EXCLUDED).map(ProcessStateChange::process).toList());

		logger.info("Plugin resources deployed: {} requests", outcomes.size());
		return outcomes;
	}

	/** The process's shipped resources (with the ids the database knows for them), or else its recorded ones. */
	private static List<Entry> currentOrRecorded(ProcessIdAndVersion process,
			Map<ProcessIdAndVersion, List<Resource>> pluginResources, Map<ProcessIdAndVersion, List<ResourceRecord>> known)
	{
		List<ResourceRecord> records = known.getOrDefault(process, List.of());
		List<Entry> entries = new ArrayList<>();
		List<Resource> shipped = pluginResources.get(process);
		if (shipped != null)
		{
			for (Resource resource : shipped)
			{
				if (!ORDER.contains(resource.fhirType()))
					throw new IllegalArgumentException("Resource type " + resource.fhirType() + " not supported");
				ResourceRecord record = new ResourceRecord(resource.fhirType(), criteria(resource), null);
				String id = records.stream().filter(record::sameResource).map(ResourceRecord::resourceId)
						.filter(Objects::nonNull).findFirst().orElse(null);
				entries.add(new Entry(record.resourceType(), record.criteria(), resource.copy(), id));
			}
		}
		else
			records.forEach(r -> entries.add(new Entry(r.resourceType(), r.criteria(), null, r.resourceId())));
		entries.forEach(e -> e.processes.add(process));
		return entries;
	}

	private static void merge(Map<String, Entry> entries, Entry entry, ProcessStateChange change)
	{
		Entry existing = entries.get(entry.key());
		if (existing != null)
		{
			existing.processes.addAll(entry.processes);
			// Deviation: DSF keeps the first entry as it is, and its changes come in hash order; when a process no
			// longer shipped came first, a resource another process still ships would be PUT without content and the
			// start fail. Here the shipped content is used.
			if (existing.resource == null)
				existing.resource = entry.resource;
			if (change.newState().outranks(existing.newState))
				existing.newState = change.newState();
			// the old state of a resource unknown to the database stays as its first process set it
			if (existing.id != null && change.oldState().outranks(existing.oldState))
				existing.oldState = change.oldState();
			return;
		}

		entry.oldState = change.oldState();
		entry.newState = change.newState();
		// a resource added to a redeployed draft: created, not updated
		if (change.oldState() == ProcessState.DRAFT && change.newState() == ProcessState.DRAFT && entry.id == null)
		{
			logger.info("Adding new resource {}", entry.searchUrl());
			entry.oldState = ProcessState.NEW;
		}
		entries.put(entry.key(), entry);
	}

	/** Resources a redeployed draft no longer ships (and no other process does): deleted. */
	private static void addResourcesDroppedFromDrafts(List<ProcessStateChange> changes,
			Map<ProcessIdAndVersion, List<ResourceRecord>> known, Map<String, Entry> entries)
	{
		for (ProcessStateChange change : changes)
		{
			if (change.oldState() != ProcessState.DRAFT || change.newState() != ProcessState.DRAFT)
				continue;
			for (ResourceRecord record : known.getOrDefault(change.process(), List.of()))
			{
				Entry dropped = new Entry(record.resourceType(), record.criteria(), null, record.resourceId());
				dropped.oldState = ProcessState.DRAFT;
				dropped.newState = ProcessState.EXCLUDED;
				if (entries.putIfAbsent(dropped.key(), dropped) == null)
					logger.info("Deleting resource {} with id {} if it exists", dropped.searchUrl(), dropped.id);
			}
		}
	}

	private List<Outcome> send(List<Entry> toSend)
	{
		Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
		for (Entry e : toSend)
			batch.addEntry(toBundleEntry(e));

		Bundle response;
		try
		{
			response = localClient.withMinimalReturn().postBundle(batch);
		}
		catch (Exception ex)
		{
			throw new DeploymentException("Plugin resources batch failed: " + ex.getClass().getName() + " - "
					+ ex.getMessage() + "; bundle: " + json(batch), ex);
		}

		if (response.getEntry().size() != toSend.size())
			throw new DeploymentException("Return bundle size unexpected, expected " + toSend.size() + " got "
					+ response.getEntry().size(), null);

		List<Outcome> outcomes = new ArrayList<>();
		for (int i = 0; i < toSend.size(); i++)
		{
			Entry e = toSend.get(i);
			BundleEntryComponent answer = response.getEntry().get(i);
			String status = answer.getResponse().getStatus();
			List<String> expected = expectedStatus(e);
			if (status == null || expected.stream().noneMatch(status::startsWith))
				throw new DeploymentException("Return status " + status + " not starting with "
						+ (expected.size() > 1 ? "one of " : "") + expected + " for resource " + e
						+ (answer.getResponse().hasOutcome() ? ": " + json(answer.getResponse().getOutcome()) : ""),
						null);
			HTTPVerb method = batch.getEntry().get(i).getRequest().getMethod();
			String location = answer.getResponse().getLocation();
			if (method != HTTPVerb.DELETE && location != null
					&& !e.type.equals(new IdType(location).getResourceType()))
				throw new DeploymentException("Return resource type unexpected, expected " + e.type + " got "
						+ new IdType(location).getResourceType(), null);
			outcomes.add(new Outcome(e.type, e.criteria, method, status, location, Set.copyOf(e.processes)));
		}
		return outcomes;
	}

	private void markMissing(Collection<Entry> entries)
	{
		List<Entry> check = entries.stream()
				.filter(e -> (e.oldState == ProcessState.ACTIVE && e.newState == ProcessState.ACTIVE)
						|| (e.oldState == ProcessState.RETIRED && e.newState == ProcessState.RETIRED))
				.toList();
		if (check.isEmpty())
			return;

		Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
		check.forEach(e -> batch.addEntry().getRequest().setMethod(HTTPVerb.GET).setUrl(e.searchUrl() + "&_count=0"));
		Bundle response = localClient.postBundle(batch);
		if (response.getEntry().size() != check.size())
			throw new DeploymentException("Return bundle size unexpected, expected " + check.size() + " got "
					+ response.getEntry().size(), null);
		for (int i = 0; i < check.size(); i++)
		{
			BundleEntryComponent answer = response.getEntry().get(i);
			if (answer.getResponse().getStatus() != null && answer.getResponse().getStatus().startsWith("200")
					&& answer.getResource() instanceof Bundle b && b.getTotal() <= 0)
			{
				logger.warn("Resource {} not found, recreating", check.get(i).searchUrl());
				check.get(i).oldState = ProcessState.MISSING;
			}
		}
	}

	private static BundleEntryComponent toBundleEntry(Entry e)
	{
		BundleEntryComponent entry = new BundleEntryComponent();
		ProcessState from = e.oldState;
		ProcessState to = e.newState;
		boolean create = switch (from)
		{
			case NEW, EXCLUDED -> to == ProcessState.ACTIVE || to == ProcessState.DRAFT || to == ProcessState.RETIRED;
			case MISSING -> to == ProcessState.ACTIVE || to == ProcessState.RETIRED;
			default -> false;
		};
		boolean update = switch (from)
		{
			case ACTIVE -> to == ProcessState.DRAFT || to == ProcessState.RETIRED;
			case DRAFT -> to == ProcessState.ACTIVE || to == ProcessState.DRAFT || to == ProcessState.RETIRED;
			case RETIRED -> to == ProcessState.ACTIVE || to == ProcessState.DRAFT;
			default -> false;
		};
		boolean delete = to == ProcessState.EXCLUDED
				&& (from == ProcessState.ACTIVE || from == ProcessState.DRAFT || from == ProcessState.RETIRED);
		if (!create && !update && !delete)
			throw new DeploymentException("State change " + from + " -> " + to + " not supported for " + e, null);
		if (!delete && e.resource == null)
			// DSF 1.9.0 sends the request without a resource, which its server refuses: the start fails either way
			throw new DeploymentException("Resource " + e + " is no longer shipped by any plugin, so it cannot be "
					+ (create ? "created" : "updated") + " for state " + to
					+ "; list its processes as excluded instead of retired, or ship the plugin again", null);

		if (!delete && e.resource instanceof MetadataResource m)
			m.setStatus(switch (to)
			{
				case ACTIVE -> PublicationStatus.ACTIVE;
				case DRAFT -> PublicationStatus.DRAFT;
				default -> PublicationStatus.RETIRED;
			});

		if (create)
		{
			entry.setFullUrl("urn:uuid:" + UUID.randomUUID());
			entry.setResource(e.resource);
			entry.getRequest().setMethod(HTTPVerb.POST).setUrl(e.type).setIfNoneExist(e.criteria);
		}
		else if (update)
		{
			entry.setFullUrl("urn:uuid:" + UUID.randomUUID());
			entry.setResource(e.resource);
			entry.getRequest().setMethod(HTTPVerb.PUT).setUrl(e.searchUrl());
		}
		else
			entry.getRequest().setMethod(HTTPVerb.DELETE).setUrl(e.searchUrl());
		return entry;
	}

	private static List<String> expectedStatus(Entry e)
	{
		if (e.newState == ProcessState.EXCLUDED)
			return List.of("200", "204");
		return switch (e.oldState)
		{
			case NEW, MISSING, EXCLUDED -> List.of("200", "201");
			default -> List.of("200");
		};
	}

	private static String json(Resource resource)
	{
		return FhirContexts.r4().newJsonParser().encodeResourceToString(resource);
	}
}
