package org.dsftestbed.bpe.plugin;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a process plugin comes from: a jar file, as the DSF BPE reads them from its plugin directory, or an exploded
 * classes directory (a plugin project under test, e.g. its {@code target/classes}).
 * <p>
 * The {@linkplain #name() name} stands for the jar's file name wherever DSF uses that: it names the plugin's class
 * loader (and so the Camunda variable serializers of the plugin, which persisted variables refer to), and it decides
 * whether the plugin is a <em>draft</em>: file names ending in {@code -SNAPSHOT.jar}, {@code -M<n>.jar} (milestone)
 * or {@code -RC<n>.jar} (release candidate). A draft plugin's processes are deployed in state DRAFT and may be
 * redeployed with the same version. A directory gets the name its jar would have, e.g.
 * {@code my-process-1.0.0.0-SNAPSHOT.jar}, or else its own file name.
 */
public record PluginSource(String name, Path location, boolean directory)
{
	private static final Pattern DRAFT_FILE_NAME = Pattern.compile(".*(-SNAPSHOT|-M[0-9]+|-RC[0-9]+)\\.jar");

	public PluginSource
	{
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(location, "location");
	}

	/** A plugin jar file; its file name is the source's name. */
	public static PluginSource jar(Path jarFile)
	{
		return new PluginSource(jarFile.getFileName().toString(), jarFile, false);
	}

	/** An exploded plugin (classes and resources in a directory), named like the directory. */
	public static PluginSource directory(Path classesDirectory)
	{
		return directory(classesDirectory, classesDirectory.toAbsolutePath().normalize().getFileName().toString());
	}

	/**
	 * An exploded plugin named like the jar it would be packaged as, so that class-loader name and draft state are
	 * those of the packaged plugin.
	 */
	public static PluginSource directory(Path classesDirectory, String jarFileName)
	{
		return new PluginSource(jarFileName, classesDirectory, true);
	}

	/**
	 * Whether a jar file name marks a draft plugin, as DSF 1.9.0 decides it: {@code -SNAPSHOT.jar}, {@code -M<n>.jar}
	 * or {@code -RC<n>.jar} at its end.
	 */
	public static boolean isDraftFileName(String fileName)
	{
		return DRAFT_FILE_NAME.matcher(fileName).matches();
	}

	public boolean draft()
	{
		return isDraftFileName(name);
	}

	/** The URL the plugin's class loader reads from (for an existing directory it ends with {@code /}). */
	URL url() throws MalformedURLException
	{
		return location.toAbsolutePath().toUri().toURL();
	}

	@Override
	public String toString()
	{
		return name;
	}
}
