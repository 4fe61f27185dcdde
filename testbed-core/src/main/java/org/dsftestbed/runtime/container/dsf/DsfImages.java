package org.dsftestbed.runtime.container.dsf;

import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * The four images of the {@code dsf} image set: DSF's FHIR server, BPE and FHIR proxy, and the PostgreSQL server
 * DSF's test setups use. Defaults are {@code ghcr.io/datasharingframework/{fhir,bpe,fhir_proxy}:1.9.0} and
 * {@code postgres:15}; the system property {@value #VERSION_PROPERTY} changes the DSF version of all three DSF images,
 * and {@code dsf.testbed.dsf.{fhir,bpe,fhirProxy,postgres}Image} replace one image each (full name with tag).
 *
 * <pre>{@code
 * DsfImages images = DsfImages.fromSystemProperties(); // -Ddsf.testbed.dsf.version=1.8.0
 * }</pre>
 *
 * @param fhirProxy
 *            not started yet: TLS is terminated by DSF's HTTPS main classes; named so that a user can provide it
 */
public record DsfImages(String fhir, String bpe, String fhirProxy, String postgres)
{
	public static final String DEFAULT_VERSION = "1.9.0";
	public static final String REGISTRY = "ghcr.io/datasharingframework/";
	public static final String DEFAULT_POSTGRES = "postgres:15";

	public static final String VERSION_PROPERTY = "dsf.testbed.dsf.version";
	public static final String FHIR_PROPERTY = "dsf.testbed.dsf.fhirImage";
	public static final String BPE_PROPERTY = "dsf.testbed.dsf.bpeImage";
	public static final String FHIR_PROXY_PROPERTY = "dsf.testbed.dsf.fhirProxyImage";
	public static final String POSTGRES_PROPERTY = "dsf.testbed.dsf.postgresImage";

	public DsfImages
	{
		fhir = requireName(fhir, "fhir");
		bpe = requireName(bpe, "bpe");
		fhirProxy = requireName(fhirProxy, "fhirProxy");
		postgres = requireName(postgres, "postgres");
	}

	/** The defaults for one DSF version, e.g. {@code 1.9.0}. */
	public static DsfImages of(String version)
	{
		String v = requireName(version, "version");
		return new DsfImages(REGISTRY + "fhir:" + v, REGISTRY + "bpe:" + v, REGISTRY + "fhir_proxy:" + v,
				DEFAULT_POSTGRES);
	}

	public static DsfImages defaults()
	{
		return of(DEFAULT_VERSION);
	}

	/** The defaults, changed by the system properties named above. */
	public static DsfImages fromSystemProperties()
	{
		return from(System.getProperties());
	}

	static DsfImages from(Properties properties)
	{
		DsfImages base = of(value(properties, VERSION_PROPERTY, DEFAULT_VERSION));
		return new DsfImages(value(properties, FHIR_PROPERTY, base.fhir), value(properties, BPE_PROPERTY, base.bpe),
				value(properties, FHIR_PROXY_PROPERTY, base.fhirProxy),
				value(properties, POSTGRES_PROPERTY, base.postgres));
	}

	/** The images a network of this set starts (the proxy is not among them: see {@link #fhirProxy()}). */
	public List<String> started()
	{
		return List.of(postgres, fhir, bpe);
	}

	/** Every image of the set, the proxy included. */
	public List<String> all()
	{
		return List.of(fhir, bpe, fhirProxy, postgres);
	}

	private static String value(Properties properties, String name, String fallback)
	{
		String value = properties.getProperty(name);
		if (value == null || value.isBlank())
			return fallback;
		if (value.strip().chars().anyMatch(Character::isWhitespace))
			throw new IllegalArgumentException("system property " + name + "='" + value
					+ "' is not an image name (it contains white space)");
		return value.strip();
	}

	private static String requireName(String name, String what)
	{
		Objects.requireNonNull(name, what);
		if (name.isBlank())
			throw new IllegalArgumentException("the " + what + " image name of the dsf image set must not be blank");
		return name.strip();
	}
}
