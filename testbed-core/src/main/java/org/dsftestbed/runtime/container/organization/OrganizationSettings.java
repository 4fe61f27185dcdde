package org.dsftestbed.runtime.container.organization;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.fhir.server.FhirServerConfig;
import org.dsftestbed.network.AllowListBundle;
import org.dsftestbed.pki.IssuedCertificate;
import org.dsftestbed.pki.Pem;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Endpoint;

/**
 * The configuration of one organization container, read the DSF way from environment variables naming mounted files
 * (spec §6.2; DSF's names where DSF has the setting). Relative file paths resolve against the working directory, as
 * DSF's images resolve {@code conf/bundle.xml}.
 * <p>
 * Every problem is reported as one {@link InvalidConfigurationException} naming the variable and, for files, the
 * path.
 *
 * <pre>{@code
 * OrganizationSettings settings = OrganizationSettings.from(System.getenv(), Path.of(""));
 * }</pre>
 *
 * @param fhirServer
 *            the FHIR server's configuration (certificates, trust, allow list, base URL, listening address)
 * @param clientCertificate
 *            the BPE's client certificate ({@code DEV_DSF_BPE_FHIR_CLIENT_CERTIFICATE})
 * @param serverCas
 *            the CAs the BPE trusts for server certificates ({@code DEV_DSF_BPE_FHIR_CLIENT_TRUST_SERVER_CERTIFICATE_CAS})
 * @param plugins
 *            every {@code *.jar} of {@code DEV_DSF_BPE_PROCESS_PLUGIN_DIRECTORY}, sorted by file name
 * @param bpeEnvironment
 *            the BPE's environment: the container's whole environment, as the DSF BPE sees it
 * @param controlHost
 *            interface of the test-only control endpoint
 * @param controlPort
 *            port of the test-only control endpoint ({@value #CONTROL_PORT}, default {@value #DEFAULT_CONTROL_PORT})
 * @param dataDirectory
 *            where the FHIR server's resources and the BPE's database are kept across starts ({@value #DATA_DIRECTORY},
 *            an existing or creatable, writable directory); {@code null}: in memory, every start is a first start
 */
public record OrganizationSettings(String organizationIdentifier, String baseUrl, FhirServerConfig fhirServer,
		IssuedCertificate clientCertificate, List<X509Certificate> serverCas, List<PluginSource> plugins,
		Map<String, String> bpeEnvironment, String controlHost, int controlPort, Path dataDirectory)
{
	public static final String BASE_URL = "DEV_DSF_FHIR_SERVER_BASE_URL";
	public static final String ORGANIZATION_IDENTIFIER = "DEV_DSF_FHIR_SERVER_ORGANIZATION_IDENTIFIER_VALUE";
	public static final String INIT_BUNDLE = "DEV_DSF_FHIR_SERVER_INIT_BUNDLE";
	public static final String PAGE_COUNT = "DEV_DSF_FHIR_SERVER_PAGE_COUNT";
	public static final String API_HOST = "DEV_DSF_SERVER_API_HOST";
	public static final String API_PORT = "DEV_DSF_SERVER_API_PORT";
	public static final String SERVER_CERTIFICATE = "DEV_DSF_SERVER_CERTIFICATE";
	public static final String SERVER_CERTIFICATE_CHAIN = "DEV_DSF_SERVER_CERTIFICATE_CHAIN";
	public static final String SERVER_CERTIFICATE_KEY = "DEV_DSF_SERVER_CERTIFICATE_KEY";
	public static final String SERVER_CERTIFICATE_KEY_PASSWORD = "DEV_DSF_SERVER_CERTIFICATE_KEY_PASSWORD";
	public static final String TRUST_CLIENT_CERTIFICATE_CAS = "DEV_DSF_SERVER_AUTH_TRUST_CLIENT_CERTIFICATE_CAS";
	public static final String FHIR_CLIENT_CERTIFICATE = "DEV_DSF_FHIR_CLIENT_CERTIFICATE";
	public static final String FHIR_CLIENT_PRIVATE_KEY = "DEV_DSF_FHIR_CLIENT_CERTIFICATE_PRIVATE_KEY";
	public static final String FHIR_CLIENT_PRIVATE_KEY_PASSWORD = "DEV_DSF_FHIR_CLIENT_CERTIFICATE_PRIVATE_KEY_PASSWORD";
	public static final String FHIR_CLIENT_TRUST_SERVER_CERTIFICATE_CAS = "DEV_DSF_FHIR_CLIENT_TRUST_SERVER_CERTIFICATE_CAS";
	public static final String BPE_FHIR_SERVER_BASE_URL = "DEV_DSF_BPE_FHIR_SERVER_BASE_URL";
	public static final String BPE_CLIENT_CERTIFICATE = "DEV_DSF_BPE_FHIR_CLIENT_CERTIFICATE";
	public static final String BPE_CLIENT_PRIVATE_KEY = "DEV_DSF_BPE_FHIR_CLIENT_CERTIFICATE_PRIVATE_KEY";
	public static final String BPE_CLIENT_PRIVATE_KEY_PASSWORD = "DEV_DSF_BPE_FHIR_CLIENT_CERTIFICATE_PRIVATE_KEY_PASSWORD";
	public static final String BPE_TRUST_SERVER_CERTIFICATE_CAS = "DEV_DSF_BPE_FHIR_CLIENT_TRUST_SERVER_CERTIFICATE_CAS";
	public static final String PLUGIN_DIRECTORY = "DEV_DSF_BPE_PROCESS_PLUGIN_DIRECTORY";
	/** Testbed-only: port of the control endpoint (plain HTTP). */
	public static final String CONTROL_PORT = "DSF_TESTBED_CONTROL_PORT";
	/**
	 * Testbed-only: the directory of the organization's data (DSF: its PostgreSQL databases); unset keeps everything in
	 * memory.
	 */
	public static final String DATA_DIRECTORY = "DSF_TESTBED_DATA_DIRECTORY";

	/** DSF's image defaults (relative to the working directory). */
	public static final String DEFAULT_INIT_BUNDLE = "conf/bundle.xml";
	public static final String DEFAULT_TRUST_CLIENT_CERTIFICATE_CAS = "ca/client_cert_ca_chains.pem";
	public static final String DEFAULT_TRUST_SERVER_CERTIFICATE_CAS = "ca/server_cert_root_cas.pem";
	public static final String DEFAULT_PLUGIN_DIRECTORY = "process";
	public static final String DEFAULT_API_HOST = "0.0.0.0";
	public static final int DEFAULT_CONTROL_PORT = 8081;

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");

	public OrganizationSettings
	{
		Objects.requireNonNull(organizationIdentifier, "organizationIdentifier");
		Objects.requireNonNull(baseUrl, "baseUrl");
		Objects.requireNonNull(fhirServer, "fhirServer");
		Objects.requireNonNull(clientCertificate, "clientCertificate");
		serverCas = List.copyOf(serverCas);
		plugins = List.copyOf(plugins);
		bpeEnvironment = Map.copyOf(bpeEnvironment);
	}

	/**
	 * @param environment
	 *            the container's environment variables
	 * @param workingDirectory
	 *            what relative file paths resolve against
	 * @throws InvalidConfigurationException
	 *             naming the first variable or file that is missing or unusable
	 */
	public static OrganizationSettings from(Map<String, String> environment, Path workingDirectory)
	{
		return new Reader(environment, workingDirectory).read();
	}

	/** Reads the variables one by one; each method names the variable it reads in its errors. */
	private static final class Reader
	{
		private final Map<String, String> environment;
		private final Path workingDirectory;

		Reader(Map<String, String> environment, Path workingDirectory)
		{
			this.environment = Map.copyOf(environment);
			this.workingDirectory = workingDirectory;
		}

		OrganizationSettings read()
		{
			String identifier = required(ORGANIZATION_IDENTIFIER);
			URI baseUrl = baseUrl();
			String bpeBaseUrl = optional(BPE_FHIR_SERVER_BASE_URL);
			if (bpeBaseUrl != null && !bpeBaseUrl.equals(baseUrl.toString()))
				throw new InvalidConfigurationException(BPE_FHIR_SERVER_BASE_URL + "=" + bpeBaseUrl + " must equal "
						+ BASE_URL + "=" + baseUrl + ": the BPE of this image talks to the FHIR server beside it");

			IssuedCertificate server = identity(SERVER_CERTIFICATE, SERVER_CERTIFICATE_KEY,
					SERVER_CERTIFICATE_KEY_PASSWORD, SERVER_CERTIFICATE_CHAIN);
			requireName(server.certificate(), baseUrl.getHost());
			IssuedCertificate bpeClient = identity(BPE_CLIENT_CERTIFICATE, BPE_CLIENT_PRIVATE_KEY,
					BPE_CLIENT_PRIVATE_KEY_PASSWORD, null);
			IssuedCertificate fhirClient = optional(FHIR_CLIENT_CERTIFICATE) == null ? bpeClient
					: identity(FHIR_CLIENT_CERTIFICATE, FHIR_CLIENT_PRIVATE_KEY, FHIR_CLIENT_PRIVATE_KEY_PASSWORD, null);

			List<X509Certificate> clientCas = certificates(TRUST_CLIENT_CERTIFICATE_CAS,
					DEFAULT_TRUST_CLIENT_CERTIFICATE_CAS);
			List<X509Certificate> serverCas = certificates(BPE_TRUST_SERVER_CERTIFICATE_CAS,
					DEFAULT_TRUST_SERVER_CERTIFICATE_CAS);
			List<X509Certificate> fhirOutboundCas = optional(FHIR_CLIENT_TRUST_SERVER_CERTIFICATE_CAS) == null
					? serverCas : certificates(FHIR_CLIENT_TRUST_SERVER_CERTIFICATE_CAS, (String) null);

			Bundle allowList = initBundle(baseUrl.toString());

			String host = optional(API_HOST, DEFAULT_API_HOST);
			int port = port(API_PORT, baseUrl.getPort() == -1 ? 443 : baseUrl.getPort());
			FhirServerConfig fhirServer = FhirServerConfig.of(identifier, server, fhirClient, clientCas)
					.withOutboundTrustedCas(fhirOutboundCas).withBaseUrl(baseUrl.toString()).withBindAddress(host)
					.withPort(port).withInitialBundle(allowList)
					.withPageCount(positive(PAGE_COUNT, FhirServerConfig.DEFAULT_PAGE_COUNT));

			return new OrganizationSettings(identifier, baseUrl.toString(), fhirServer, bpeClient, serverCas,
					plugins(), environment, host, port(CONTROL_PORT, DEFAULT_CONTROL_PORT), dataDirectory());
		}

		private Path dataDirectory()
		{
			String value = optional(DATA_DIRECTORY);
			if (value == null)
				return null;
			Path directory = workingDirectory.resolve(value);
			if (Files.exists(directory) && !Files.isDirectory(directory))
				throw new InvalidConfigurationException(DATA_DIRECTORY + ": " + directory + " is not a directory");
			try
			{
				Files.createDirectories(directory);
			}
			catch (IOException e)
			{
				throw new InvalidConfigurationException(DATA_DIRECTORY + ": cannot create directory " + directory + ": "
						+ e.getMessage());
			}
			if (!Files.isWritable(directory))
				throw new InvalidConfigurationException(DATA_DIRECTORY + ": directory " + directory + " is not writable");
			return directory;
		}

		private URI baseUrl()
		{
			try
			{
				return FhirServerConfig.checkBaseUrl(required(BASE_URL));
			}
			catch (IllegalArgumentException e)
			{
				throw new InvalidConfigurationException(BASE_URL + ": " + e.getMessage());
			}
		}

		private String required(String variable)
		{
			String value = optional(variable);
			if (value == null)
				throw new InvalidConfigurationException(variable + " is not set");
			return value;
		}

		private String optional(String variable)
		{
			String value = environment.get(variable);
			return value == null || value.isBlank() ? null : value.strip();
		}

		private String optional(String variable, String defaultValue)
		{
			String value = optional(variable);
			return value == null ? defaultValue : value;
		}

		private int port(String variable, int defaultValue)
		{
			int port = positive(variable, defaultValue);
			if (port > 65535)
				throw new InvalidConfigurationException(variable + "=" + port + " is not a port (1-65535)");
			return port;
		}

		private int positive(String variable, int defaultValue)
		{
			String value = optional(variable);
			if (value == null)
				return defaultValue;
			try
			{
				int number = Integer.parseInt(value);
				if (number > 0)
					return number;
			}
			catch (NumberFormatException e)
			{
				// reported below
			}
			throw new InvalidConfigurationException(variable + "=" + value + " is not a positive number");
		}

		/** A file named by a variable (or its default), which must exist and be readable. */
		private Path file(String variable, String defaultPath)
		{
			String value = defaultPath == null ? required(variable) : optional(variable, defaultPath);
			Path file = workingDirectory.resolve(value);
			if (!Files.isRegularFile(file))
				throw new InvalidConfigurationException(variable + ": file " + file + " does not exist"
						+ (optional(variable) == null ? " (the default; set " + variable + ")" : ""));
			if (!Files.isReadable(file))
				throw new InvalidConfigurationException(variable + ": file " + file + " is not readable");
			return file;
		}

		private String text(String variable, Path file)
		{
			try
			{
				return Files.readString(file, StandardCharsets.UTF_8);
			}
			catch (IOException e)
			{
				throw new InvalidConfigurationException(variable + ": cannot read " + file + ": " + e.getMessage());
			}
		}

		private List<X509Certificate> certificates(String variable, String defaultPath)
		{
			Path file = file(variable, defaultPath);
			return certificatesIn(variable, file);
		}

		private List<X509Certificate> certificatesIn(String variable, Path file)
		{
			List<X509Certificate> certificates;
			try
			{
				certificates = Pem.readCertificates(text(variable, file));
			}
			catch (IOException e)
			{
				throw new InvalidConfigurationException(variable + ": " + file + " is not PEM certificates: "
						+ e.getMessage());
			}
			if (certificates.isEmpty())
				throw new InvalidConfigurationException(variable + ": " + file + " holds no PEM certificate");
			return certificates;
		}

		/**
		 * A certificate (first of its file; further ones and those of the chain file are its issuers) with its private
		 * key, which must belong to it.
		 */
		private IssuedCertificate identity(String certificateVariable, String keyVariable, String passwordVariable,
				String chainVariable)
		{
			Path certificateFile = file(certificateVariable, null);
			List<X509Certificate> certificates = certificatesIn(certificateVariable, certificateFile);
			X509Certificate certificate = certificates.get(0);
			List<X509Certificate> issuers = new ArrayList<>(certificates.subList(1, certificates.size()));
			if (chainVariable != null && optional(chainVariable) != null)
				certificates(chainVariable, (String) null).stream()
						.filter(c -> !c.equals(certificate) && !issuers.contains(c)).forEach(issuers::add);

			Path keyFile = file(keyVariable, null);
			PrivateKey key;
			try
			{
				String password = password(passwordVariable);
				key = Pem.readPrivateKey(text(keyVariable, keyFile), password == null ? null : password.toCharArray());
			}
			catch (IOException e)
			{
				throw new InvalidConfigurationException(keyVariable + ": " + keyFile + ": " + e.getMessage()
						+ (e.getMessage().contains("password") ? " (" + passwordVariable + "[_FILE])" : ""));
			}
			if (!belongTogether(certificate, key))
				throw new InvalidConfigurationException(keyVariable + ": the private key in " + keyFile
						+ " does not belong to the certificate in " + certificateFile + " (" + certificateVariable
						+ ")");
			return new IssuedCertificate(certificate, key, issuers);
		}

		/** DSF's secrets: {@code X} or {@code X_FILE}, the first line of that file. */
		private String password(String variable)
		{
			String value = optional(variable);
			if (value != null)
				return value;
			if (optional(variable + "_FILE") == null)
				return null;
			Path file = file(variable + "_FILE", null);
			return text(variable + "_FILE", file).lines().findFirst().orElse("");
		}

		private void requireName(X509Certificate certificate, String host)
		{
			List<String> names = subjectAlternativeNames(certificate);
			if (!names.contains(host))
				throw new InvalidConfigurationException(BASE_URL + ": host '" + host
						+ "' is not a name of the server certificate (" + SERVER_CERTIFICATE + ": "
						+ String.join(", ", names) + "); clients would refuse the server");
		}

		private Bundle initBundle(String baseUrl)
		{
			Path file = file(INIT_BUNDLE, DEFAULT_INIT_BUNDLE);
			String xml = resolvePlaceholders(text(INIT_BUNDLE, file), file);
			Bundle bundle;
			try
			{
				bundle = AllowListBundle.fromXml(xml);
			}
			catch (RuntimeException e)
			{
				throw new InvalidConfigurationException(INIT_BUNDLE + ": " + file + " is not a FHIR Bundle (XML): "
						+ firstLine(e.getMessage()));
			}
			List<String> addresses = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
					.filter(Endpoint.class::isInstance).map(r -> ((Endpoint) r).getAddress()).toList();
			if (!addresses.contains(baseUrl))
				throw new InvalidConfigurationException(INIT_BUNDLE + ": " + file + " has no Endpoint with address "
						+ baseUrl + " (" + BASE_URL + "), so the BPE could not find its organization; its Endpoints: "
						+ (addresses.isEmpty() ? "none" : String.join(", ", addresses)));
			return bundle;
		}

		/** {@code ${NAME}} in the bundle becomes the environment variable's value, as in DSF's default bundle. */
		private String resolvePlaceholders(String text, Path file)
		{
			Matcher matcher = PLACEHOLDER.matcher(text);
			StringBuilder resolved = new StringBuilder();
			while (matcher.find())
			{
				String name = matcher.group(1);
				String value = optional(name.toUpperCase(Locale.ROOT).replace('.', '_'));
				if (value == null)
					throw new InvalidConfigurationException(INIT_BUNDLE + ": " + file + " uses ${" + name
							+ "}, but that environment variable is not set");
				matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
			}
			matcher.appendTail(resolved);
			return resolved.toString();
		}

		private List<PluginSource> plugins()
		{
			String value = optional(PLUGIN_DIRECTORY, DEFAULT_PLUGIN_DIRECTORY);
			Path directory = workingDirectory.resolve(value);
			if (!Files.isDirectory(directory))
				throw new InvalidConfigurationException(PLUGIN_DIRECTORY + ": directory " + directory
						+ " does not exist");
			try (Stream<Path> files = Files.list(directory))
			{
				return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
						.sorted().map(PluginSource::jar).toList();
			}
			catch (IOException e)
			{
				throw new InvalidConfigurationException(PLUGIN_DIRECTORY + ": cannot list " + directory + ": "
						+ e.getMessage());
			}
		}
	}

	/** DNS names and IP addresses of a certificate's subject alternative names. */
	static List<String> subjectAlternativeNames(X509Certificate certificate)
	{
		try
		{
			Collection<List<?>> names = certificate.getSubjectAlternativeNames();
			if (names == null)
				return List.of();
			return names.stream().filter(n -> n.size() == 2 && (Integer.valueOf(2).equals(n.get(0))
					|| Integer.valueOf(7).equals(n.get(0)))).map(n -> String.valueOf(n.get(1))).toList();
		}
		catch (CertificateParsingException e)
		{
			return List.of();
		}
	}

	/** Whether the key signs what the certificate's public key verifies. */
	static boolean belongTogether(X509Certificate certificate, PrivateKey key)
	{
		if (!key.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm()))
			return false;
		String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
		try
		{
			byte[] probe = "dsf-testbed key check".getBytes(StandardCharsets.US_ASCII);
			Signature signer = Signature.getInstance(algorithm);
			signer.initSign(key);
			signer.update(probe);
			byte[] signature = signer.sign();
			Signature verifier = Signature.getInstance(algorithm);
			verifier.initVerify(certificate.getPublicKey());
			verifier.update(probe);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException e)
		{
			return false;
		}
	}

	private static String firstLine(String text)
	{
		if (text == null)
			return "";
		return text.lines().findFirst().orElse("");
	}

	@Override
	public String toString()
	{
		return organizationIdentifier + " " + baseUrl + " (" + plugins.size() + " plugin(s): "
				+ plugins.stream().map(PluginSource::name).collect(Collectors.joining(", ")) + "; data "
				+ (dataDirectory == null ? "in memory" : "in " + dataDirectory) + ")";
	}
}
