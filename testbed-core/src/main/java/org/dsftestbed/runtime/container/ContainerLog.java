package org.dsftestbed.runtime.container;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.dsftestbed.fhir.server.RequestListener;
import org.dsftestbed.runtime.container.organization.RequestRecordLine;

import org.testcontainers.containers.output.OutputFrame;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;

/**
 * The output of one organization container, line by line: appended to its log file (when there is one, e.g. the
 * run's {@code containers/<identifier>.log}), its last lines kept for error messages, and its {@code READY} lines
 * counted, which is how the runtime knows the organization is up (again, after a restart).
 * <p>
 * Its {@link RequestRecordLine}s go to the run's {@link RequestListener} instead: they are left out of the log file and
 * the tail, which stay for people to read (the recording, e.g. the conformance report, shows the requests). A
 * malformed record line stays in both, prefixed with why it was skipped.
 */
final class ContainerLog implements Consumer<OutputFrame>, AutoCloseable
{
	static final int TAIL_LINES = 40;

	/**
	 * Colour codes (ANSI SGR sequences): DSF's images log with log4j's {@code %highlight}, which wraps each line in
	 * them; a log file and an error message read better without.
	 */
	private static final Pattern COLOUR_CODES = Pattern.compile("\u001B\\[[0-9;]*m");

	private final String readyPrefix;
	private final BufferedWriter file;
	private final RecordLineReceiver records;
	private final Deque<String> tail = new ArrayDeque<>();
	private final StringBuilder partial = new StringBuilder();
	private int readyLines;
	private boolean closed;

	/**
	 * @param identifier
	 *            the organization's identifier, which its {@code READY <identifier> <base url>} line names
	 * @param file
	 *            where to append the output, {@code null} for none
	 */
	ContainerLog(String identifier, Path file)
	{
		this(identifier, file, RequestListener.NONE);
	}

	/**
	 * @param listener
	 *            receives the requests of the organization's record lines
	 */
	ContainerLog(String identifier, Path file, RequestListener listener)
	{
		this.readyPrefix = "READY " + identifier + " ";
		this.records = new RecordLineReceiver(identifier, listener);
		this.file = file == null ? null : open(file);
	}

	private static BufferedWriter open(Path file)
	{
		try
		{
			Files.createDirectories(file.toAbsolutePath().getParent());
			return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException e)
		{
			throw new UncheckedIOException("cannot write the container log " + file + ": " + e.getMessage(), e);
		}
	}

	@Override
	public void accept(OutputFrame frame)
	{
		if (frame.getBytes() != null)
			append(frame.getUtf8String());
	}

	/** Appends output as it arrives; lines may come in pieces. */
	synchronized void append(String text)
	{
		partial.append(text);
		int newline;
		while ((newline = partial.indexOf("\n")) >= 0)
		{
			line(partial.substring(0, newline).stripTrailing());
			partial.delete(0, newline + 1);
		}
	}

	private void line(String output)
	{
		String line = COLOUR_CODES.matcher(output).replaceAll("");
		if (RequestRecordLine.isRecordLine(line))
		{
			Optional<String> malformed = records.receive(line);
			if (malformed.isPresent())
				keep(malformed.get());
			return;
		}
		keep(line);
	}

	private void keep(String line)
	{
		if (line.startsWith(readyPrefix))
			readyLines++;
		tail.addLast(line);
		if (tail.size() > TAIL_LINES)
			tail.removeFirst();
		if (file != null && !closed)
			try
			{
				file.write(line);
				file.newLine();
				file.flush();
			}
			catch (IOException e)
			{
				// the log file is a report; losing it must not stop the run
			}
	}

	/** How many times the organization said it is ready: once per (re)start. */
	synchronized int readyLines()
	{
		return readyLines;
	}

	/** How many record lines could not be read (and were skipped). */
	int malformedRecordLines()
	{
		return records.malformedLines();
	}

	/** The last lines, oldest first. */
	synchronized List<String> tail()
	{
		return List.copyOf(tail);
	}

	/**
	 * Follows the container's output from {@code sinceEpochSecond} on, e.g. after a restart, when the stream
	 * Testcontainers followed has ended.
	 */
	void follow(DockerClient docker, String containerId, int sinceEpochSecond)
	{
		docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(true)
				.withSince(sinceEpochSecond).exec(new ResultCallback.Adapter<Frame>()
				{
					@Override
					public void onNext(Frame frame)
					{
						append(new String(frame.getPayload(), StandardCharsets.UTF_8));
					}
				});
	}

	@Override
	public synchronized void close()
	{
		if (closed)
			return;
		closed = true;
		if (file != null)
			try
			{
				if (!partial.isEmpty())
					file.write(partial.toString());
				file.close();
			}
			catch (IOException e)
			{
				// see line()
			}
	}
}
