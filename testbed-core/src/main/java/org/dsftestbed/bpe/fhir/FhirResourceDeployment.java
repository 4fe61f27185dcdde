package org.dsftestbed.bpe.fhir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.dsftestbed.bpe.plugin.ProcessIdAndVersion;
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
 * Uploads plugin FHIR resources to the organization's FHIR server as DSF 1.9.0's BPE does at start-up (spec §5.4):
 * resources shared by processes are merged (highest-ranking state wins), resources believed active or retired are
 * first verified by a batch of {@code GET {type}?<criteria>&_count=0} (absent ⇒ created again), and all changes go in
 * one batch ordered NamingSystem, CodeSystem, ValueSet, StructureDefinition, Library, Measure, Questionnaire,
 * ActivityDefinition, Task. Conditional criteria: {@code url=<url>&version=<version>}, NamingSystem {@code name=<name>},
 * Task {@code identifier=http://dsf.dev/sid/task-identifier|<value>&status=draft}. MetadataResource status is set to
 * active/draft/retired by the new state.
 * <p>
 * Deviation: DSF remembers deployed resources (and their ids) in its database, so resources dropped from a draft
 * plugin or an excluded process that is no longer shipped are deleted too; here the caller passes every resource it
 * wants handled.
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
		final Resource resource;
		final Set<ProcessIdAndVersion> processes = new LinkedHashSet<>();
		ProcessState oldState;
		ProcessState newState;

		Entry(String type, String criteria, Resource resource)
		{
			this.type = type;
			this.criteria = criteria;
			this.resource = resource;
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
	 * Applies the state changes; returns one outcome per request sent (none if nothing changed).
	 *
	 * @throws DeploymentException
	 *             if the batch fails or an entry does not answer as expected
	 */
	public List<Outcome> deploy(List<ProcessResources> changes)
	{
		Map<String, Entry> entries = new LinkedHashMap<>();
		for (ProcessResources change : changes)
		{
			for (Resource resource : change.resources())
			{
				if (!ORDER.contains(resource.fhirType()))
					throw new IllegalArgumentException("Resource type " + resource.fhirType() + " not supported");
				String key = resource.fhirType() + "?" + criteria(resource);
				Entry entry = entries.get(key);
				if (entry == null)
				{
					entry = new Entry(resource.fhirType(), criteria(resource), resource.copy());
					entry.oldState = change.oldState();
					entry.newState = change.newState();
					entries.put(key, entry);
				}
				else
				{
					if (change.newState().outranks(entry.newState))
						entry.newState = change.newState();
					if (change.oldState().outranks(entry.oldState))
						entry.oldState = change.oldState();
				}
				entry.processes.add(change.process());
			}
		}

		markMissing(entries.values());

		List<Entry> toSend = new ArrayList<>(entries.values().stream()
				.filter(e -> e.oldState != e.newState || e.newState == ProcessState.DRAFT)
				.filter(e -> !((e.oldState == ProcessState.NEW || e.oldState == ProcessState.MISSING)
						&& e.newState == ProcessState.EXCLUDED))
				.toList());
		toSend.sort(Comparator.comparingInt(e -> ORDER.indexOf(e.type)));
		if (toSend.isEmpty())
			return List.of();

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
		logger.info("Plugin resources deployed: {} requests", outcomes.size());
		return outcomes;
	}

	private void markMissing(java.util.Collection<Entry> entries)
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
