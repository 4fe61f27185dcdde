package org.dsftestbed.fhir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dsftestbed.fhir.store.ResourceStore.Found;
import org.dsftestbed.fhir.store.ResourceStore.Gone;
import org.dsftestbed.fhir.store.ResourceStore.Missing;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class ResourceStoreTest
{
	private final ResourceStore store = new ResourceStore(Clock.systemUTC());

	@Test
	void createAssignsUuidVersionOneAndLastUpdated()
	{
		Resource created = store.create(new Organization().setName("A"));

		assertThat(created.getIdElement().getIdPart()).matches("[0-9a-f-]{36}");
		assertThat(created.getIdElement().getVersionIdPart()).isEqualTo("1");
		assertThat(created.getMeta().getVersionId()).isEqualTo("1");
		assertThat(created.getMeta().getLastUpdated()).isNotNull();
	}

	@Test
	void updateAddsVersionsAndReadsReturnTheLatest()
	{
		String id = store.create(new Organization().setName("A")).getIdElement().getIdPart();
		Organization changed = (Organization) new Organization().setName("B").setId(id);
		store.update(changed);

		assertThat(((Organization) ((Found) store.read("Organization", id)).resource()).getName()).isEqualTo("B");
		assertThat(((Organization) ((Found) store.readVersion("Organization", id, 1)).resource()).getName())
				.isEqualTo("A");
		assertThat(store.history("Organization", id)).extracting(ResourceStore.Version::version).containsExactly(1L, 2L);
	}

	@Test
	void storedResourcesCannotBeChangedThroughReturnedCopies()
	{
		Organization created = (Organization) store.create(new Organization().setName("A"));
		created.setName("changed by caller");
		String id = created.getIdElement().getIdPart();
		((Organization) ((Found) store.read("Organization", id)).resource()).setName("changed again");

		assertThat(((Organization) ((Found) store.read("Organization", id)).resource()).getName()).isEqualTo("A");
	}

	@Test
	void deletedResourcesAreGoneAndUpdatesOfThemFail()
	{
		String id = store.create(new Organization()).getIdElement().getIdPart();
		assertThat(store.delete("Organization", id)).isPresent();

		assertThat(store.read("Organization", id)).isInstanceOf(Gone.class);
		assertThat(store.delete("Organization", id)).isEmpty();
		assertThat(store.current("Organization", r -> true)).isEmpty();
		assertThatThrownBy(() -> store.update((Resource) new Organization().setId(id)))
				.isInstanceOf(IllegalStateException.class);
		assertThat(store.read("Organization", "nope")).isInstanceOf(Missing.class);
	}

	@Test
	void permanentDeleteForgetsEveryVersion()
	{
		String id = store.create(new Organization()).getIdElement().getIdPart();
		store.delete("Organization", id);

		assertThat(store.permanentlyDelete("Organization", id)).isTrue();
		assertThat(store.read("Organization", id)).isInstanceOf(Missing.class);
		assertThat(store.history("Organization", id)).isEmpty();
	}

	@Test
	void atomicallyUndoesEverythingWhenTheWorkFails()
	{
		String kept = store.create(new Organization().setName("kept")).getIdElement().getIdPart();

		assertThatThrownBy(() -> store.atomically(() ->
		{
			store.create(new Organization().setName("new"));
			store.update((Resource) new Organization().setName("changed").setId(kept));
			store.delete("Organization", kept);
			throw new IllegalStateException("entry 3 refused");
		})).hasMessage("entry 3 refused");

		assertThat(store.current("Organization", r -> true)).singleElement()
				.satisfies(o -> assertThat(((Organization) o).getName()).isEqualTo("kept"));
		assertThat(store.history("Organization", kept)).hasSize(1);
	}

	@Test
	void createWithATakenIdFails()
	{
		store.create(new Organization(), "fixed-id");
		assertThatThrownBy(() -> store.create(new Organization(), "fixed-id")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void concurrentCreatesAndUpdatesLoseNothing() throws Exception
	{
		String id = store.create(new Organization()).getIdElement().getIdPart();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < 200; i++)
		{
			futures.add(pool.submit(() -> store.create(new Organization())));
			futures.add(pool.submit(() -> store.update((Resource) new Organization().setId(id))));
		}
		for (Future<?> future : futures)
			future.get(30, TimeUnit.SECONDS);
		pool.shutdown();

		assertThat(store.current("Organization", r -> true)).hasSize(201);
		assertThat(store.history("Organization", id)).extracting(ResourceStore.Version::version)
				.doesNotHaveDuplicates().hasSize(201);
	}

	@Test
	void derivedValuesAreKeptUntilTheirTypeIsWritten()
	{
		java.util.concurrent.atomic.AtomicInteger computations = new java.util.concurrent.atomic.AtomicInteger();
		java.util.function.Function<List<Resource>, Integer> count = resources ->
		{
			computations.incrementAndGet();
			return resources.size();
		};
		store.create(new Organization());

		assertThat(store.derived("Organization", "count", count)).isEqualTo(1);
		assertThat(store.derived("Organization", "count", count)).isEqualTo(1);
		assertThat(computations).hasValue(1);

		store.create(new org.hl7.fhir.r4.model.Library());
		assertThat(store.derived("Organization", "count", count)).isEqualTo(1);
		assertThat(computations).as("other types do not invalidate").hasValue(1);

		String id = store.create(new Organization()).getIdElement().getIdPart();
		assertThat(store.derived("Organization", "count", count)).isEqualTo(2);
		store.delete("Organization", id);
		assertThat(store.derived("Organization", "count", count)).isEqualTo(1);
		assertThat(computations).hasValue(3);
	}
}
