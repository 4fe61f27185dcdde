package org.dsftestbed.fhir.websocket;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dsftestbed.fhir.rest.QueryString;
import org.dsftestbed.fhir.search.SearchContext;
import org.dsftestbed.fhir.search.SearchQuery;
import org.dsftestbed.fhir.search.SearchableResourceTypes;
import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;

/**
 * The server's active Subscriptions with their criteria parsed as searches, read from the store on every use so that
 * new, changed and deleted Subscriptions count at once. Parsed criteria are kept per Subscription version.
 * <p>
 * Like DSF, every active Subscription counts whatever its channel type, and one whose criteria name no searchable
 * resource type can be bound but never matches.
 * <p>
 * Not thread-safe: {@link #current()} is used by the single event thread only; {@link #isActive} is safe anywhere.
 */
final class ActiveSubscriptions
{
	/** An active Subscription: its id, the resource type and query of its criteria (if usable), its payload. */
	record Active(String id, String resourceType, SearchQuery criteria, Payload payload)
	{
		boolean matches(Resource resource, ResourceStore store)
		{
			return criteria != null && resourceType.equals(resource.fhirType()) && criteria.matches(resource, store);
		}
	}

	private record Parsed(String versionId, Active active)
	{
	}

	private final ResourceStore store;
	private final Map<String, Parsed> parsedById = new HashMap<>();

	ActiveSubscriptions(ResourceStore store)
	{
		this.store = store;
	}

	/** Whether a Subscription with this id exists, is not deleted and has status active. */
	static boolean isActive(ResourceStore store, String id)
	{
		return store.read("Subscription", id) instanceof ResourceStore.Found found
				&& ((Subscription) found.resource()).getStatus() == SubscriptionStatus.ACTIVE;
	}

	List<Active> current()
	{
		List<Resource> subscriptions = store.current("Subscription",
				r -> ((Subscription) r).getStatus() == SubscriptionStatus.ACTIVE);
		Map<String, Parsed> next = new HashMap<>();
		List<Active> result = new ArrayList<>(subscriptions.size());
		for (Resource resource : subscriptions)
		{
			Subscription subscription = (Subscription) resource;
			String id = subscription.getIdElement().getIdPart();
			String versionId = subscription.getMeta().getVersionId();
			Parsed parsed = parsedById.get(id);
			if (parsed == null || !parsed.versionId().equals(versionId))
				parsed = new Parsed(versionId, parse(id, subscription));
			next.put(id, parsed);
			result.add(parsed.active());
		}
		parsedById.clear();
		parsedById.putAll(next);
		return result;
	}

	private static Active parse(String id, Subscription subscription)
	{
		String criteria = subscription.getCriteria();
		Payload payload = Payload.of(subscription.getChannel().getPayload());
		if (criteria == null || criteria.isBlank())
			return new Active(id, "", null, payload);
		int question = criteria.indexOf('?');
		String type = question < 0 ? criteria : criteria.substring(0, question);
		String query = question < 0 ? "" : criteria.substring(question + 1);
		Optional<SearchQuery> parsed = SearchableResourceTypes.get(type).map(t -> SearchQuery.parse(t,
				QueryString.parse(query), ZoneId.systemDefault(), SearchContext.DSF_DEFAULT_PAGE_COUNT));
		return new Active(id, type, parsed.orElse(null), payload);
	}
}
