package org.dsftestbed.fhir.store;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;

import org.dsftestbed.fhir.context.FhirContexts;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;

/**
 * A {@link ResourceStore}'s data in a file, so that a FHIR server stopped and started again answers as before (DSF
 * keeps its resources in PostgreSQL): an append-only journal, one JSON line per committed version (type, id, version,
 * lastUpdated, the resource as FHIR JSON, none for a deletion) or purge. Each commit is written and flushed before the
 * request that made it is answered, so the file is complete whenever the process ends, by {@code docker stop} or by a
 * kill; there is no snapshot to write at shutdown. It is not forced to the disk ({@code fsync}): a crash of the
 * machine may lose the last commits.
 * <p>
 * The journal is never compacted: it holds every version anyway, as the store does; only purged resources' lines stay
 * behind as dead weight.
 *
 * <pre>{@code
 * try (StoreJournalFile journal = StoreJournalFile.open(dataDirectory.resolve("fhir-resources.jsonl"), clock))
 * {
 * 	ResourceStore store = journal.store(); // what earlier runs wrote, journaling to the file from now on
 * }
 * }</pre>
 */
public final class StoreJournalFile implements StoreJournal, Closeable
{
	private static final Logger logger = LoggerFactory.getLogger(StoreJournalFile.class);
	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final Path file;
	private final ResourceStore store;
	private final BufferedWriter writer;

	private StoreJournalFile(Path file, ResourceStore store, BufferedWriter writer)
	{
		this.file = file;
		this.store = store;
		this.writer = writer;
	}

	/**
	 * Reads the journal into a new store (an absent file is an empty store) and appends the store's commits to it from
	 * then on. A last line without its line end, a write cut off when the process was killed, is dropped with a warning.
	 *
	 * @throws IOException
	 *             naming the file, and the line where it is not a journal line, when it cannot be read or used
	 */
	public static StoreJournalFile open(Path file, Clock clock) throws IOException
	{
		ResourceStore store = new ResourceStore(clock);
		if (Files.exists(file))
			replay(file, store);
		BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.WRITE, StandardOpenOption.APPEND);
		StoreJournalFile journal = new StoreJournalFile(file, store, writer);
		store.journalTo(journal);
		return journal;
	}

	/** The store restored from the file, journaling to it. */
	public ResourceStore store()
	{
		return store;
	}

	public Path file()
	{
		return file;
	}

	private static void replay(Path file, ResourceStore store) throws IOException
	{
		String content;
		try
		{
			content = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException e)
		{
			throw new IOException(file + ": cannot be read as UTF-8 text: " + e.getMessage(), e);
		}
		int complete = content.lastIndexOf('\n') + 1;
		if (complete < content.length())
		{
			logger.warn("{}: dropping an incomplete last line (a write cut off when the process was killed)", file);
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
			{
				channel.truncate(content.substring(0, complete).getBytes(StandardCharsets.UTF_8).length);
			}
		}

		IParser parser = FhirContexts.r4().newJsonParser();
		List<String> lines = content.substring(0, complete).lines().toList();
		for (int i = 0; i < lines.size(); i++)
		{
			try
			{
				restore(lines.get(i), parser, store);
			}
			catch (JsonProcessingException e)
			{
				throw new IOException(file + " line " + (i + 1) + " is not a resource journal line: "
						+ notJson(e), e);
			}
			catch (DataFormatException | IllegalStateException | IllegalArgumentException | DateTimeParseException e)
			{
				throw new IOException(file + " line " + (i + 1) + " is not a resource journal line: "
						+ e.getMessage().lines().findFirst().orElse(""), e);
			}
		}
	}

	/** Jackson's reason without its source excerpt: one short line. */
	private static String notJson(JsonProcessingException e)
	{
		String reason = e.getOriginalMessage().lines().findFirst().orElse("").split(" \\(|: was expecting", 2)[0];
		return "not JSON at column " + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()) + ": " + reason;
	}

	private static void restore(String line, IParser parser, ResourceStore store) throws JsonProcessingException
	{
		JsonNode entry = MAPPER.readTree(line);
		String type = text(entry, "type");
		String id = text(entry, "id");
		if (entry.path("purged").asBoolean(false))
		{
			store.restorePurge(type, id);
			return;
		}
		if (!entry.path("version").canConvertToLong())
			throw new IllegalArgumentException("no version number");
		long version = entry.path("version").asLong();
		Instant lastUpdated = Instant.parse(text(entry, "lastUpdated"));
		JsonNode content = entry.path("resource");
		Resource resource = null;
		if (!content.isMissingNode() && !content.isNull())
		{
			resource = (Resource) parser.parseResource(content.toString());
			if (!type.equals(resource.fhirType()))
				throw new IllegalArgumentException("a " + resource.fhirType() + " recorded as " + type);
			resource.setId(type + "/" + id);
			resource.getMeta().setVersionId(Long.toString(version));
			resource.getMeta().setLastUpdated(Date.from(lastUpdated));
		}
		store.restore(new ResourceStore.Version(type, id, version, lastUpdated, resource));
	}

	private static String text(JsonNode entry, String field)
	{
		JsonNode value = entry.path(field);
		if (!value.isTextual() || value.asText().isBlank())
			throw new IllegalArgumentException("no " + field);
		return value.asText();
	}

	@Override
	public void committed(List<ResourceStore.Version> versions)
	{
		StringBuilder lines = new StringBuilder();
		IParser parser = FhirContexts.r4().newJsonParser();
		for (ResourceStore.Version version : versions)
		{
			ObjectNode entry = entry(version.type(), version.id());
			entry.put("version", version.version());
			entry.put("lastUpdated", version.lastUpdated().toString());
			if (version.deleted())
				entry.putNull("resource");
			else
				entry.putRawValue("resource",
						new com.fasterxml.jackson.databind.util.RawValue(parser.encodeResourceToString(version.resource())));
			lines.append(entry).append('\n');
		}
		write(lines.toString());
	}

	@Override
	public void purged(String type, String id)
	{
		ObjectNode entry = entry(type, id);
		entry.put("purged", true);
		write(entry + "\n");
	}

	private static ObjectNode entry(String type, String id)
	{
		ObjectNode entry = MAPPER.createObjectNode();
		entry.put("type", type);
		entry.put("id", id);
		return entry;
	}

	private void write(String lines)
	{
		try
		{
			synchronized (writer)
			{
				writer.write(lines);
				writer.flush();
			}
		}
		catch (IOException e)
		{
			throw new UncheckedIOException("Unable to write to the resource journal " + file, e);
		}
	}

	/** Stops journaling; the store stays usable in memory. */
	@Override
	public void close() throws IOException
	{
		store.journalTo(StoreJournal.NONE);
		synchronized (writer)
		{
			writer.close();
		}
	}
}
