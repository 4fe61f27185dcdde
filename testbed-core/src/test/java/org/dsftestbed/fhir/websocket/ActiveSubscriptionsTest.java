package org.dsftestbed.fhir.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;

/** Which Subscriptions count, what their criteria match, and what they send. */
class ActiveSubscriptionsTest
{
	private final ResourceStore store = new ResourceStore(Clock.systemUTC());
	private final ActiveSubscriptions subscriptions = new ActiveSubscriptions(store);

	private String store(String criteria, SubscriptionStatus status, String payload)
	{
		Subscription subscription = new Subscription().setStatus(status).setCriteria(criteria);
		subscription.getChannel().setType(SubscriptionChannelType.WEBSOCKET).setPayload(payload);
		return store.create(subscription).getIdElement().getIdPart();
	}

	private ActiveSubscriptions.Active active(String id)
	{
		return subscriptions.current().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
	}

	private Resource stored(Resource resource)
	{
		return store.create(resource);
	}

	@Test
	void onlyActiveSubscriptionsCountAndCanBeBound()
	{
		String active = store("Task?status=requested", SubscriptionStatus.ACTIVE, Payload.FHIR_JSON);
		String off = store("Task?status=requested", SubscriptionStatus.OFF, Payload.FHIR_JSON);
		String deleted = store("Task?status=requested", SubscriptionStatus.ACTIVE, Payload.FHIR_JSON);
		store.delete("Subscription", deleted);

		assertThat(subscriptions.current()).extracting(ActiveSubscriptions.Active::id).containsExactly(active);
		assertThat(ActiveSubscriptions.isActive(store, active)).isTrue();
		assertThat(ActiveSubscriptions.isActive(store, off)).isFalse();
		assertThat(ActiveSubscriptions.isActive(store, deleted)).isFalse();
		assertThat(ActiveSubscriptions.isActive(store, "no-such-id")).isFalse();
	}

	@Test
	void criteriaMatchByTypeAndParameters()
	{
		ActiveSubscriptions.Active requested = active(
				store("Task?status=requested", SubscriptionStatus.ACTIVE, Payload.FHIR_JSON));

		assertThat(requested.matches(stored(new Task().setStatus(TaskStatus.REQUESTED)), store)).isTrue();
		assertThat(requested.matches(stored(new Task().setStatus(TaskStatus.DRAFT)), store)).isFalse();
		assertThat(requested.matches(stored(new Library().setStatus(PublicationStatus.ACTIVE)), store)).isFalse();
	}

	@Test
	void criteriaWithoutSearchableTypeCanBeBoundButMatchNothing()
	{
		String unknownType = store("Foo?status=requested", SubscriptionStatus.ACTIVE, null);

		assertThat(ActiveSubscriptions.isActive(store, unknownType)).isTrue();
		assertThat(active(unknownType).matches(stored(new Task().setStatus(TaskStatus.REQUESTED)), store)).isFalse();
	}

	@Test
	void changedCriteriaCountFromTheNextVersion()
	{
		String id = store("Task?status=requested", SubscriptionStatus.ACTIVE, null);
		Resource draft = stored(new Task().setStatus(TaskStatus.DRAFT));
		assertThat(active(id).matches(draft, store)).isFalse();

		Subscription changed = (Subscription) ((ResourceStore.Found) store.read("Subscription", id)).resource();
		changed.setCriteria("Task?status=draft");
		store.update(changed);

		assertThat(active(id).matches(draft, store)).isTrue();
	}

	@Test
	void payloadIsResourceOnlyForTheExactFhirMediaTypes()
	{
		assertThat(List.of(Payload.of("application/fhir+json"), Payload.of("application/fhir+xml"), Payload.of(null),
				Payload.of(""), Payload.of("application/json"), Payload.of("application/fhir+json; charset=utf-8")))
				.containsExactly(Payload.JSON, Payload.XML, Payload.PING, Payload.PING, Payload.PING, Payload.PING);
		assertThat(Payload.PING.message("abc", new Task())).isEqualTo("ping abc");
	}
}
