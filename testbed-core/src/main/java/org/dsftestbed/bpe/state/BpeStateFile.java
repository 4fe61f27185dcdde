package org.dsftestbed.bpe.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.dsftestbed.bpe.plugin.ProcessIdAndVersion;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * DSF's tables {@code process_states} and {@code process_plugin_resources} as one JSON file:
 *
 * <pre>{@code
 * {"processStates": {"dsfdev_ping|1.0": "ACTIVE"},
 *  "resources": {"dsfdev_ping|1.0": [{"resourceType": "ActivityDefinition", "criteria": "url=…&version=1.0", "resourceId": "…"}]}}
 * }</pre>
 *
 * Rewritten whole on every change (a few kB, written at BPE start only) through a temporary file moved over the old
 * one, so a process killed while writing leaves the previous content.
 */
final class BpeStateFile
{
	private static final ObjectMapper MAPPER = new ObjectMapper();
	private static final String STATES = "processStates";
	private static final String RESOURCES = "resources";

	private final Path file;

	BpeStateFile(Path file)
	{
		this.file = Objects.requireNonNull(file, "file");
	}

	Path file()
	{
		return file;
	}

	/**
	 * Reads the file into the maps; an absent file leaves them empty.
	 *
	 * @throws IOException
	 *             naming the file and what is wrong with it
	 */
	void read(Map<ProcessIdAndVersion, ProcessState> states, Map<ProcessIdAndVersion, List<ResourceRecord>> resources)
			throws IOException
	{
		if (!Files.exists(file))
			return;
		try
		{
			JsonNode root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
			if (root == null || !root.isObject())
				throw new IllegalArgumentException("not a JSON object");
			for (var entry : (Iterable<Map.Entry<String, JsonNode>>) () -> root.path(STATES).fields())
				states.put(ProcessIdAndVersion.parse(entry.getKey()), ProcessState.valueOf(entry.getValue().asText()));
			for (var entry : (Iterable<Map.Entry<String, JsonNode>>) () -> root.path(RESOURCES).fields())
			{
				List<ResourceRecord> records = new ArrayList<>();
				for (JsonNode record : entry.getValue())
					records.add(new ResourceRecord(required(record, "resourceType"), required(record, "criteria"),
							record.path("resourceId").isTextual() ? record.path("resourceId").asText() : null));
				resources.put(ProcessIdAndVersion.parse(entry.getKey()), records);
			}
		}
		catch (JsonProcessingException e)
		{
			JsonLocation at = e.getLocation();
			throw new IOException(file + " is not the BPE's process states file: not JSON"
					+ (at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr()), e);
		}
		catch (IllegalArgumentException e)
		{
			throw new IOException(file + " is not the BPE's process states file: "
					+ e.getMessage().lines().findFirst().orElse(""), e);
		}
	}

	private static String required(JsonNode record, String field)
	{
		JsonNode value = record.path(field);
		if (!value.isTextual())
			throw new IllegalArgumentException("a resource record without " + field);
		return value.asText();
	}

	void write(Map<ProcessIdAndVersion, ProcessState> states, Map<ProcessIdAndVersion, List<ResourceRecord>> resources)
	{
		ObjectNode root = MAPPER.createObjectNode();
		ObjectNode stateNode = root.putObject(STATES);
		states.forEach((process, state) -> stateNode.put(process.toString(), state.name()));
		ObjectNode resourceNode = root.putObject(RESOURCES);
		resources.forEach((process, records) ->
		{
			ArrayNode array = resourceNode.putArray(process.toString());
			for (ResourceRecord record : records)
				array.addObject().put("resourceType", record.resourceType()).put("criteria", record.criteria())
						.put("resourceId", record.resourceId());
		});
		try
		{
			Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
			Files.writeString(temporary, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root),
					StandardCharsets.UTF_8);
			try
			{
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException e)
			{
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException e)
		{
			throw new UncheckedIOException("Unable to write the BPE's process states to " + file, e);
		}
	}
}
