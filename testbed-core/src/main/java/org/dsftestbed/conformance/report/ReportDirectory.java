package org.dsftestbed.conformance.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.dsftestbed.fhir.context.FhirContexts;
import org.hl7.fhir.r4.model.TestReport;

/**
 * A run's report directory, {@code reports/<run-id>/}, and everything written into it:
 *
 * <pre>
 * reports/20250131T120000Z-3f9a1c/
 *   conformance-report.json                   the {@link ConformanceReport}
 *   conformance-report.html                   the same as one self-contained page
 *   fhir-test-reports/TestReport-ping.json    a FHIR R4 TestReport per feature
 *   containers/Test_DIC_1.log                 container runtime: each container's output (written by the runtime)
 * </pre>
 *
 * The reports name and link the files under {@value #CONTAINER_LOGS}{@code /} that exist when they are written.
 *
 * {@link #write} may be called any number of times (after each scenario, from a shutdown hook); each file is
 * replaced atomically (written beside it, then moved over it), so a reader or an interrupted run never sees a half
 * written report. Cucumber's own JSON, HTML and JUnit XML go into the same directory ({@link #path()}).
 *
 * <pre>{@code
 * ReportDirectory reports = ReportDirectory.create(Path.of("reports"));
 * reports.write(report);
 * }</pre>
 */
public final class ReportDirectory
{
	public static final String JSON = "conformance-report.json";
	public static final String HTML = "conformance-report.html";
	public static final String TEST_REPORTS = "fhir-test-reports";
	/** Where the container runtime writes each container's log in a run's directory. */
	public static final String CONTAINER_LOGS = "containers";

	private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
			.withZone(ZoneOffset.UTC);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path path;
	private final String runId;
	private final Clock clock;

	private ReportDirectory(Path path, String runId, Clock clock)
	{
		this.path = path;
		this.runId = runId;
		this.clock = clock;
	}

	/** A new directory for a new run under {@code reportsRoot} (created if missing), named by a new run id. */
	public static ReportDirectory create(Path reportsRoot)
	{
		return create(reportsRoot, newRunId(Clock.systemUTC()), Clock.systemUTC());
	}

	/**
	 * @throws UncheckedIOException
	 *             naming the directory when it cannot be created
	 * @throws IllegalArgumentException
	 *             when the run id is not a plain directory name
	 */
	public static ReportDirectory create(Path reportsRoot, String runId, Clock clock)
	{
		Objects.requireNonNull(reportsRoot, "reportsRoot");
		Objects.requireNonNull(clock, "clock");
		if (runId == null || !runId.matches("[A-Za-z0-9][A-Za-z0-9._-]*"))
			throw new IllegalArgumentException("run id '" + runId
					+ "' is not usable as a directory name: use letters, digits, '.', '_' and '-'");
		Path path = reportsRoot.resolve(runId);
		try
		{
			Files.createDirectories(path.resolve(TEST_REPORTS));
		}
		catch (IOException e)
		{
			throw new UncheckedIOException("cannot create the report directory " + path.toAbsolutePath() + ": " + e, e);
		}
		return new ReportDirectory(path, runId, clock);
	}

	/** A run id that sorts by start time: UTC timestamp and six random hex digits, e.g. {@code 20250131T120000Z-3f9a1c}. */
	public static String newRunId(Clock clock)
	{
		return RUN_TIME.format(clock.instant()) + "-" + String.format(Locale.ROOT, "%06x", RANDOM.nextInt(1 << 24));
	}

	public Path path()
	{
		return path;
	}

	public String runId()
	{
		return runId;
	}

	/**
	 * Writes (or rewrites) the conformance report as JSON and HTML and a TestReport per feature. Synchronized: a
	 * shutdown hook and the run's own writes don't interleave.
	 *
	 * @throws UncheckedIOException
	 *             naming the file that could not be written
	 */
	public synchronized void write(ConformanceReport written)
	{
		Objects.requireNonNull(written, "report");
		ConformanceReport report = written.withLogs(containerLogs());
		replace(path.resolve(JSON), out -> ReportJson.write(report, out));
		byte[] html = ReportHtml.render(report, clock).getBytes(StandardCharsets.UTF_8);
		replace(path.resolve(HTML), out -> writeBytes(out, html));
		Set<String> names = new HashSet<>();
		for (Map.Entry<String, TestReport> feature : FeatureTestReports.of(report).entrySet())
		{
			String json = FhirContexts.r4().newJsonParser().setPrettyPrint(true)
					.encodeResourceToString(feature.getValue());
			replace(path.resolve(TEST_REPORTS).resolve(testReportFileName(feature.getKey(), names)),
					out -> writeBytes(out, json.getBytes(StandardCharsets.UTF_8)));
		}
	}

	/** The {@code *.log} files under {@value #CONTAINER_LOGS}, by name, relative to the report directory. */
	List<String> containerLogs()
	{
		Path logs = path.resolve(CONTAINER_LOGS);
		if (!Files.isDirectory(logs))
			return List.of();
		try (Stream<Path> files = Files.list(logs))
		{
			return files.filter(f -> f.getFileName().toString().endsWith(".log") && Files.isRegularFile(f))
					.map(f -> CONTAINER_LOGS + "/" + f.getFileName()).sorted().toList();
		}
		catch (IOException e)
		{
			throw new UncheckedIOException("cannot list the container logs in " + logs.toAbsolutePath() + ": " + e, e);
		}
	}

	/** {@code TestReport-<feature as lower-case words joined by '-'>.json}, numbered when two features look alike. */
	static String testReportFileName(String feature, Set<String> taken)
	{
		String slug = feature.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.isEmpty())
			slug = "feature";
		if (slug.length() > 80)
			slug = slug.substring(0, 80);
		String name = "TestReport-" + slug + ".json";
		for (int n = 2; !taken.add(name); n++)
			name = "TestReport-" + slug + "-" + n + ".json";
		return name;
	}

	private static void writeBytes(OutputStream out, byte[] bytes)
	{
		try
		{
			out.write(bytes);
		}
		catch (IOException e)
		{
			throw new UncheckedIOException(e);
		}
	}

	private static void replace(Path target, Consumer<OutputStream> content)
	{
		Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
		try
		{
			try (OutputStream out = Files.newOutputStream(temp))
			{
				content.accept(out);
			}
			try
			{
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e)
			{
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException | UncheckedIOException e)
		{
			throw new UncheckedIOException("cannot write " + target.toAbsolutePath() + ": " + e.getMessage(),
					e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
		}
		finally
		{
			try
			{
				Files.deleteIfExists(temp);
			}
			catch (IOException ignored)
			{
				// the temp file is left behind; the next write replaces it
			}
		}
	}
}
