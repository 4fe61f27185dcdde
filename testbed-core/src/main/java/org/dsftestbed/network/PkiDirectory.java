package org.dsftestbed.network;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.dsftestbed.network.NetworkCertificates.OrganizationCertificates;
import org.dsftestbed.pki.CertificateAuthority;
import org.dsftestbed.pki.IssuedCertificate;
import org.dsftestbed.pki.KeyStores;
import org.dsftestbed.pki.KeyType;
import org.dsftestbed.pki.Pem;
import org.dsftestbed.pki.Pki;
import org.dsftestbed.pki.Thumbprint;

/**
 * A folder with everything a network's organizations need to talk mutual TLS: CA certificates and trust stores,
 * per organization server and client certificates with keys, chains and a PKCS#12, the browser user's PKCS#12, a
 * thumbprint list and each organization's allow-list bundle.
 * <p>
 * Writing is idempotent: certificates already in the folder that still fit the network (same CA, same names, still
 * valid) are kept, so thumbprints stay stable across runs and files whose content would not change are left
 * untouched.
 *
 * <pre>
 * ca/root-ca.pem, ca/root-ca-private-key.pem, ca/issuing-ca.pem, ca/issuing-ca-private-key.pem
 * ca/ca-certificates.pem                   root and issuing CA: trust anchors for servers and clients
 * ca/truststore.p12, ca/truststore.jks     the same as Java trust stores
 * organizations/&lt;id&gt;/server-certificate.pem, server-certificate-chain.pem, server-private-key.pem
 * organizations/&lt;id&gt;/client-certificate.pem, client-certificate-chain.pem, client-private-key.pem, client.p12
 * organizations/&lt;id&gt;/allow-list-bundle.xml
 * browser/browser-user-certificate.pem, browser-user-private-key.pem, browser-user.p12
 * thumbprints.txt
 * </pre>
 */
public final class PkiDirectory
{
	/** The password DSF's test setups use for key stores and encrypted keys. */
	public static final String DEFAULT_STORE_PASSWORD = "password";

	/**
	 * @param keyType
	 *            key type for new certificates; {@code null} = keep what the folder has, {@link KeyType#RSA_2048} for a
	 *            new folder
	 * @param keyPassword
	 *            encrypts PEM private keys (PKCS#8, AES-256) when not {@code null}
	 * @param storePassword
	 *            password of the PKCS#12 and JKS stores
	 */
	public record Options(KeyType keyType, char[] keyPassword, char[] storePassword)
	{
		public Options
		{
			storePassword = storePassword == null ? DEFAULT_STORE_PASSWORD.toCharArray() : storePassword;
		}

		public static Options defaults()
		{
			return new Options(null, null, null);
		}
	}

	public enum Change
	{
		CREATED, UPDATED, UNCHANGED
	}

	public record FileChange(Path path, Change change)
	{
	}

	public record Result(NetworkCertificates certificates, List<FileChange> files)
	{
		public List<FileChange> written()
		{
			return files.stream().filter(f -> f.change() != Change.UNCHANGED).toList();
		}
	}

	private final Path root;
	private final Options options;
	private final Clock clock;
	private final Consumer<String> progress;
	private final List<FileChange> changes = new ArrayList<>();

	private PkiDirectory(Path root, Options options, Clock clock, Consumer<String> progress)
	{
		this.root = root;
		this.options = options;
		this.clock = clock;
		this.progress = progress;
	}

	/**
	 * Loads what the folder has, issues what is missing or no longer fits, and writes every file.
	 *
	 * @param progress
	 *            receives one line per step of long work (key generation)
	 * @throws PkiDirectoryException
	 *             when the folder holds material that cannot be used, with the file and what to do
	 */
	public static Result write(Path root, NetworkDefinition network, Options options, Clock clock,
			Consumer<String> progress)
	{
		return new PkiDirectory(root, options, clock, progress).write(network);
	}

	private Result write(NetworkDefinition network)
	{
		Pki pki = loadOrCreatePki();
		Map<String, OrganizationCertificates> organizations = new LinkedHashMap<>();
		for (OrganizationDefinition organization : network.organizations())
		{
			Path folder = organizationFolder(organization.identifier());
			IssuedCertificate server = reusable(pki, folder.resolve("server-certificate.pem"),
					folder.resolve("server-private-key.pem"), certificate -> fitsServer(certificate, organization))
					.orElseGet(() -> issue("server certificate of " + organization.identifier(),
							() -> NetworkCertificates.serverCertificate(pki, organization)));
			IssuedCertificate client = reusable(pki, folder.resolve("client-certificate.pem"),
					folder.resolve("client-private-key.pem"), certificate -> fitsClient(certificate, organization))
					.orElseGet(() -> issue("client certificate of " + organization.identifier(),
							() -> NetworkCertificates.clientCertificate(pki, organization)));
			organizations.put(organization.identifier(), new OrganizationCertificates(server, client));
		}
		IssuedCertificate browser = reusable(pki, root.resolve("browser/browser-user-certificate.pem"),
				root.resolve("browser/browser-user-private-key.pem"),
				certificate -> certificate.getSubjectX500Principal().getName().contains("CN=" + Pki.BROWSER_USER_NAME))
				.orElseGet(() -> issue("browser user certificate", pki::browserUserCertificate));

		NetworkCertificates certificates = new NetworkCertificates(pki, organizations, browser);
		writeCa(pki);
		for (OrganizationDefinition organization : network.organizations())
			writeOrganization(network, organization, certificates);
		writeIdentity(root.resolve("browser"), "browser-user", browser);
		writeStore(root.resolve("browser/browser-user.p12"), KeyStores.keyStore(browser, "browser-user", options.storePassword()));
		writeText(root.resolve("thumbprints.txt"), thumbprints(network, certificates));
		return new Result(certificates, List.copyOf(changes));
	}

	private Path organizationFolder(String identifier)
	{
		return root.resolve("organizations").resolve(identifier);
	}

	private Pki loadOrCreatePki()
	{
		Path rootCertificate = root.resolve("ca/root-ca.pem");
		Path issuingCertificate = root.resolve("ca/issuing-ca.pem");
		if (!Files.exists(rootCertificate) && !Files.exists(issuingCertificate))
		{
			KeyType keyType = options.keyType() != null ? options.keyType() : KeyType.RSA_2048;
			return issue("CA hierarchy (" + keyType.label() + ")", () -> Pki.create(keyType, clock));
		}

		IssuedCertificate rootCa = load(rootCertificate, root.resolve("ca/root-ca-private-key.pem"));
		IssuedCertificate issuingCa = load(issuingCertificate, root.resolve("ca/issuing-ca-private-key.pem"));
		if (!signedBy(issuingCa.certificate(), rootCa.certificate()))
			throw new PkiDirectoryException(issuingCertificate + ": not issued by " + rootCertificate
					+ "; delete " + root.resolve("ca") + " to start a new CA");
		for (IssuedCertificate ca : List.of(rootCa, issuingCa))
			if (!validNow(ca.certificate()))
				throw new PkiDirectoryException("the CA certificate " + ca.subject() + " in " + root.resolve("ca")
						+ " is expired or not yet valid; delete the folder to start a new CA");

		KeyType existing = KeyType.of(rootCa.certificate().getPublicKey());
		if (options.keyType() != null && options.keyType() != existing)
			throw new PkiDirectoryException(root + " holds " + existing.label() + " certificates, but "
					+ options.keyType().label() + " was asked for; use another folder or delete this one");

		CertificateAuthority rootAuthority = CertificateAuthority.of(rootCa, clock);
		CertificateAuthority issuingAuthority = CertificateAuthority.of(
				new IssuedCertificate(issuingCa.certificate(), issuingCa.privateKey(), List.of(rootCa.certificate())),
				clock);
		return new Pki(rootAuthority, issuingAuthority, existing);
	}

	private Optional<IssuedCertificate> reusable(Pki pki, Path certificateFile, Path keyFile,
			java.util.function.Predicate<X509Certificate> fits)
	{
		if (!Files.exists(certificateFile) || !Files.exists(keyFile))
			return Optional.empty();
		IssuedCertificate existing = load(certificateFile, keyFile);
		if (!pki.issued(existing.certificate()) || !validNow(existing.certificate()) || !fits.test(existing.certificate()))
			return Optional.empty();
		return Optional.of(new IssuedCertificate(existing.certificate(), existing.privateKey(),
				List.of(pki.issuing().certificate(), pki.root().certificate())));
	}

	private IssuedCertificate load(Path certificateFile, Path keyFile)
	{
		try
		{
			List<X509Certificate> certificates = Pem.readCertificates(Files.readString(certificateFile));
			if (certificates.isEmpty())
				throw new PkiDirectoryException(certificateFile + ": no certificate in the file");
			PrivateKey key;
			try
			{
				key = Pem.readPrivateKey(Files.readString(keyFile), options.keyPassword());
			}
			catch (IOException e)
			{
				throw new PkiDirectoryException(keyFile + ": " + e.getMessage()
						+ (options.keyPassword() == null ? "; pass the key password it was written with" : ""));
			}
			if (!matches(certificates.get(0), key))
				throw new PkiDirectoryException(keyFile + ": does not belong to " + certificateFile);
			return new IssuedCertificate(certificates.get(0), key, List.of());
		}
		catch (IOException e)
		{
			throw new PkiDirectoryException(certificateFile + ": cannot read: " + e.getMessage());
		}
	}

	private static boolean matches(X509Certificate certificate, PrivateKey key)
	{
		try
		{
			String algorithm = KeyType.of(certificate.getPublicKey()).signatureAlgorithm();
			java.security.Signature signer = java.security.Signature.getInstance(algorithm);
			signer.initSign(key);
			byte[] probe = "dsf-testbed".getBytes(StandardCharsets.UTF_8);
			signer.update(probe);
			byte[] signature = signer.sign();
			java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
			verifier.initVerify(certificate.getPublicKey());
			verifier.update(probe);
			return verifier.verify(signature);
		}
		catch (Exception e)
		{
			return false;
		}
	}

	private static boolean signedBy(X509Certificate certificate, X509Certificate issuer)
	{
		try
		{
			certificate.verify(issuer.getPublicKey());
			return true;
		}
		catch (Exception e)
		{
			return false;
		}
	}

	private boolean validNow(X509Certificate certificate)
	{
		try
		{
			certificate.checkValidity(java.util.Date.from(clock.instant()));
			return true;
		}
		catch (Exception e)
		{
			return false;
		}
	}

	private static boolean fitsServer(X509Certificate certificate, OrganizationDefinition organization)
	{
		Set<String> expected = new LinkedHashSet<>(organization.hostnames());
		expected.addAll(Pki.LOOPBACK_NAMES);
		try
		{
			Collection<List<?>> names = certificate.getSubjectAlternativeNames();
			Set<String> actual = new LinkedHashSet<>();
			if (names != null)
				names.forEach(name -> actual.add(String.valueOf(name.get(1))));
			return actual.equals(expected) && certificate.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1");
		}
		catch (Exception e)
		{
			return false;
		}
	}

	private static boolean fitsClient(X509Certificate certificate, OrganizationDefinition organization)
	{
		try
		{
			return certificate.getSubjectX500Principal().getName()
					.startsWith("CN=" + NetworkCertificates.clientCommonName(organization) + ",")
					&& certificate.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2");
		}
		catch (Exception e)
		{
			return false;
		}
	}

	private <T> T issue(String what, java.util.function.Supplier<T> issuer)
	{
		progress.accept("generating " + what);
		return issuer.get();
	}

	private void writeCa(Pki pki)
	{
		Path ca = root.resolve("ca");
		writeText(ca.resolve("root-ca.pem"), Pem.certificate(pki.root().certificate()));
		writeKey(ca.resolve("root-ca-private-key.pem"), pki.root().privateKey());
		writeText(ca.resolve("issuing-ca.pem"), Pem.certificate(pki.issuing().certificate()));
		writeKey(ca.resolve("issuing-ca-private-key.pem"), pki.issuing().privateKey());
		writeText(ca.resolve("ca-certificates.pem"), Pem.certificates(pki.caCertificates()));
		for (KeyStores.Format format : KeyStores.Format.values())
			writeStore(ca.resolve("truststore." + format.name().toLowerCase(java.util.Locale.ROOT).replace("pkcs12", "p12")),
					KeyStores.trustStore(pki.caCertificates(), format));
	}

	private void writeOrganization(NetworkDefinition network, OrganizationDefinition organization,
			NetworkCertificates certificates)
	{
		Path folder = organizationFolder(organization.identifier());
		OrganizationCertificates own = certificates.organization(organization.identifier());
		writeIdentity(folder, "server", own.server());
		writeIdentity(folder, "client", own.client());
		writeStore(folder.resolve("client.p12"), KeyStores.keyStore(own.client(), "client", options.storePassword()));
		writeText(folder.resolve("allow-list-bundle.xml"), AllowListBundle.toXml(
				AllowListBundle.builder(network).thumbprints(certificates::allowListThumbprints).build()));
	}

	/** {@code <name>-certificate.pem}, {@code <name>-certificate-chain.pem} (leaf + issuing CA), {@code <name>-private-key.pem}. */
	private void writeIdentity(Path folder, String name, IssuedCertificate identity)
	{
		writeText(folder.resolve(name + "-certificate.pem"), Pem.certificate(identity.certificate()));
		writeText(folder.resolve(name + "-certificate-chain.pem"),
				Pem.certificates(identity.fullChain().subList(0, Math.min(2, identity.fullChain().size()))));
		writeKey(folder.resolve(name + "-private-key.pem"), identity.privateKey());
	}

	private static String thumbprints(NetworkDefinition network, NetworkCertificates certificates)
	{
		StringBuilder text = new StringBuilder(
				"# SHA-512 thumbprints (lowercase hex) of the DER certificates, as DSF matches them against\n"
						+ "# Organization extension-certificate-thumbprint. Format: <thumbprint>  <kind>:<name>\n");
		for (OrganizationDefinition organization : network.organizations())
		{
			OrganizationCertificates own = certificates.organization(organization.identifier());
			text.append(own.client().thumbprint()).append("  client:").append(organization.identifier()).append('\n');
			text.append(own.server().thumbprint()).append("  server:").append(organization.identifier()).append('\n');
		}
		text.append(Thumbprint.of(certificates.browserUser().certificate())).append("  browser-user:")
				.append(Pki.BROWSER_USER_NAME).append('\n');
		return text.toString();
	}

	private void writeText(Path file, String content)
	{
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		write(file, bytes, existing -> Arrays.equals(existing, bytes));
	}

	/**
	 * Encrypted PEM keys differ on every encoding (random salt), so an existing file is kept when it decrypts to
	 * the same key.
	 */
	private void writeKey(Path file, PrivateKey key)
	{
		String pem = options.keyPassword() == null ? Pem.privateKey(key)
				: Pem.encryptedPrivateKey(key, options.keyPassword());
		boolean encrypted = options.keyPassword() != null;
		write(file, pem.getBytes(StandardCharsets.UTF_8), existing ->
		{
			String text = new String(existing, StandardCharsets.UTF_8);
			if (text.contains("ENCRYPTED") != encrypted)
				return false;
			try
			{
				return Pem.readPrivateKey(text, options.keyPassword()).equals(key);
			}
			catch (IOException e)
			{
				return false;
			}
		});
		restrictToOwner(file);
	}

	/** Key stores also differ on every encoding; an existing one is kept when it holds the same entries. */
	private void writeStore(Path file, KeyStore store)
	{
		byte[] bytes = KeyStores.toBytes(store, options.storePassword());
		write(file, bytes, existing -> sameEntries(existing, store, file));
	}

	private boolean sameEntries(byte[] existingBytes, KeyStore expected, Path file)
	{
		try
		{
			KeyStore existing = KeyStore.getInstance(expected.getType());
			existing.load(new ByteArrayInputStream(existingBytes), options.storePassword());
			Set<String> aliases = new LinkedHashSet<>(java.util.Collections.list(expected.aliases()));
			if (!aliases.equals(new LinkedHashSet<>(java.util.Collections.list(existing.aliases()))))
				return false;
			for (String alias : aliases)
			{
				if (!Objects.equals(expected.getCertificate(alias), existing.getCertificate(alias)))
					return false;
				if (expected.isKeyEntry(alias) && !Objects.equals(expected.getKey(alias, options.storePassword()),
						existing.getKey(alias, options.storePassword())))
					return false;
			}
			return true;
		}
		catch (Exception e)
		{
			return false;
		}
	}

	private void write(Path file, byte[] bytes, java.util.function.Predicate<byte[]> sameAsExisting)
	{
		try
		{
			boolean exists = Files.exists(file);
			if (exists && sameAsExisting.test(Files.readAllBytes(file)))
			{
				changes.add(new FileChange(file, Change.UNCHANGED));
				return;
			}
			Files.createDirectories(file.getParent());
			Files.write(file, bytes);
			changes.add(new FileChange(file, exists ? Change.UPDATED : Change.CREATED));
		}
		catch (IOException e)
		{
			throw new PkiDirectoryException(file + ": cannot write: " + e.getMessage());
		}
	}

	private static void restrictToOwner(Path file)
	{
		try
		{
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException | IOException e)
		{
			// not a POSIX file system: the file keeps the default permissions
		}
	}

	/** The folder holds material that cannot be used; the message names the file and what to do. */
	public static final class PkiDirectoryException extends RuntimeException
	{
		private static final long serialVersionUID = 1L;

		public PkiDirectoryException(String message)
		{
			super(message);
		}
	}
}
