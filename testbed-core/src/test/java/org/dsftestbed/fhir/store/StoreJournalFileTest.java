package org.dsftestbed.fhir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.dsftestbed.fhir.store.ResourceStore.Found;
import org.dsftestbed.fhir.store.ResourceStore.Gone;
import org.dsftestbed.fhir.store.ResourceStore.Missing;
import org.dsftestbed.fhir.store.ResourceStore.Version;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store's data written to its journal file and read back by a new store, as an organization container stopped and
 * started again on its data directory: every version with its number and time, deletions, purges; rolled back
 * transactions leave nothing; a damaged file is refused naming the file and line.
 */
class StoreJournalFileTest
{
	private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

	@TempDir
	Path folder;

	private Path file()
	{
		return folder.resolve("resources.jsonl");
	}

	private static Clock at(Instant instant)
	{
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

	private static Task task(String identifier, TaskStatus status)
	{
		Task task = new Task().setStatus(status).setIntent(Task.TaskIntent.ORDER);
		task.addIdentifier(new Identifier().setSystem("http://example.test").setValue(identifier));
		return task;
	}

	@Test
	void everyVersionDeletionAndPurgeComesBackWithItsNumberAndTime() throws IOException
	{
		String taskId;
		String deletedId;
		String purgedId;
		List<Version> historyBefore;
		try (StoreJournalFile journal = StoreJournalFile.open(file(), at(T0)))
		{
			ResourceStore store = journal.store();
			Task created = (Task) store.create(task("t1", TaskStatus.REQUESTED));
			taskId = created.getIdElement().getIdPart();
			store.update(task("t1", TaskStatus.INPROGRESS).setId(taskId));
			deletedId = store.create(new Organization().setName("deleted")).getIdElement().getIdPart();
			store.delete("Organization", deletedId);
			purgedId = store.create(new Organization().setName("purged")).getIdElement().getIdPart();
			store.permanentlyDelete("Organization", purgedId);
			historyBefore = store.history(null);
		}

		try (StoreJournalFile journal = StoreJournalFile.open(file(), at(T0.plusSeconds(60))))
		{
			ResourceStore store = journal.store();
			assertThat(store.history(null)).extracting(Version::type, Version::id, Version::version,
					Version::lastUpdated, Version::deleted)
					.containsExactlyElementsOf(historyBefore.stream()
							.map(v -> org.assertj.core.groups.Tuple.tuple(v.type(), v.id(), v.version(),
									v.lastUpdated(), v.deleted()))
							.toList());
			Task read = (Task) ((Found) store.read("Task", taskId)).resource();
			assertThat(read.getStatus()).isEqualTo(TaskStatus.INPROGRESS);
			assertThat(read.getMeta().getVersionId()).isEqualTo("2");
			assertThat(read.getMeta().getLastUpdated().toInstant()).isEqualTo(T0);
			assertThat(((Task) ((Found) store.readVersion("Task", taskId, 1)).resource()).getStatus())
					.isEqualTo(TaskStatus.REQUESTED);
			assertThat(store.read("Organization", deletedId)).isEqualTo(new Gone(2, T0));
			assertThat(store.read("Organization", purgedId)).isInstanceOf(Missing.class);

			// and it goes on from there, journaling at the new time
			store.update(task("t1", TaskStatus.COMPLETED).setId(taskId));
		}

		try (StoreJournalFile journal = StoreJournalFile.open(file(), at(T0)))
		{
			assertThat(journal.store().history("Task", taskId)).extracting(Version::version, Version::lastUpdated)
					.containsExactly(org.assertj.core.groups.Tuple.tuple(1L, T0),
							org.assertj.core.groups.Tuple.tuple(2L, T0),
							org.assertj.core.groups.Tuple.tuple(3L, T0.plusSeconds(60)));
		}
	}

	@Test
	void aTransactionIsWrittenOnlyWhenItCommits() throws IOException
	{
		try (StoreJournalFile journal = StoreJournalFile.open(file(), at(T0)))
		{
			ResourceStore store = journal.store();
			assertThatThrownBy(() -> store.atomically(() ->
			{
				store.create(new Organization().setName("rolled back"));
				throw new IllegalStateException("entry 2 refused");
			})).hasMessage("entry 2 refused");
			store.atomically(() -> List.of(store.create(new Organization().setName("one")),
					store.create(new Organization().setName("two"))));
		}

		assertThat(Files.readAllLines(file())).hasSize(2).noneMatch(line -> line.contains("rolled back"));
		try (StoreJournalFile journal = StoreJournalFile.open(file(), at(T0)))
		{
			assertThat(journal.store().current("Organization", r -> true)).extracting(r -> ((Organization) r).getName())
					.containsExactlyInAnyOrder("one", "two");
		}
	}

	@Test
	void anIncompleteLastLineIsDroppedAndTheJournalGoesOn() throws IOException
	{
		String id;
		try (StoreJournalFile journal = StoreJournalFile.open(file(), at(T0)))
		{
			id = journal.store().create(new Organization().setName("kept")).getIdElement().getIdPart();
		}
		Files.writeString(file(), "{\"type\":\"Organization\",\"id\":\"cut", StandardOpenOption.APPEND);

		try (StoreJournalFile journal = StoreJournalFile.open(file(), at(T0)))
		{
			assertThat(journal.store().read("Organization", id)).isInstanceOf(Found.class);
			journal.store().create(new Organization().setName("after"));
		}
		try (StoreJournalFile journal = StoreJournalFile.open(file(), at(T0)))
		{
			assertThat(journal.store().current("Organization", r -> true)).hasSize(2);
		}
	}

	@Test
	void aDamagedLineIsRefusedNamingFileAndLine() throws IOException
	{
		try (StoreJournalFile journal = StoreJournalFile.open(file(), at(T0)))
		{
			journal.store().create(new Organization().setName("one"));
		}
		Files.writeString(file(), "this is not JSON\n", StandardOpenOption.APPEND);

		assertThatThrownBy(() -> StoreJournalFile.open(file(), at(T0))).isInstanceOf(IOException.class)
				.hasMessage(file() + " line 2 is not a resource journal line: not JSON at column 5: Unrecognized token 'this'");
	}

	@Test
	void aMissingVersionIsRefused() throws IOException
	{
		String id;
		try (StoreJournalFile journal = StoreJournalFile.open(file(), at(T0)))
		{
			id = journal.store().create(new Organization().setName("one")).getIdElement().getIdPart();
			journal.store().update(new Organization().setName("two").setId(id));
		}
		List<String> lines = Files.readAllLines(file());
		Files.writeString(file(), lines.get(1) + "\n", StandardCharsets.UTF_8);

		assertThatThrownBy(() -> StoreJournalFile.open(file(), at(T0))).isInstanceOf(IOException.class)
				.hasMessage(file() + " line 1 is not a resource journal line: Organization/" + id
						+ " version 2 where version 1 was expected");
	}

	@Test
	void aResourceOfAnotherTypeThanRecordedIsRefused() throws IOException
	{
		try (StoreJournalFile journal = StoreJournalFile.open(file(), at(T0)))
		{
			journal.store().create(new Organization().setName("one"));
		}
		Files.writeString(file(), Files.readString(file()).replace("\"type\":\"Organization\"", "\"type\":\"Task\""));

		assertThatThrownBy(() -> StoreJournalFile.open(file(), at(T0))).isInstanceOf(IOException.class)
				.hasMessageEndingWith("line 1 is not a resource journal line: a Organization recorded as Task");
	}
}
