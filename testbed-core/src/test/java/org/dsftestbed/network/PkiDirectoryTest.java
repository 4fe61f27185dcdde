package org.dsftestbed.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dsftestbed.network.PkiDirectory.Change;
import org.dsftestbed.network.PkiDirectory.FileChange;
import org.dsftestbed.network.PkiDirectory.Options;
import org.dsftestbed.network.PkiDirectory.PkiDirectoryException;
import org.dsftestbed.network.PkiDirectory.Result;
import org.dsftestbed.pki.KeyType;
import org.dsftestbed.pki.Pem;
import org.dsftestbed.pki.Thumbprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiDirectoryTest
{
	@TempDir
	Path dir;

	private final NetworkDefinition tutorial = NetworkPresets.load("tutorial");
	private final List<String> progress = new ArrayList<>();

	@Test
	void writesCaOrganizationsBrowserThumbprintsAndAllowLists() throws Exception
	{
		Result result = write(tutorial, Options.defaults());

		assertThat(result.files()).allMatch(f -> f.change() == Change.CREATED);
		for (String file : List.of("ca/root-ca.pem", "ca/root-ca-private-key.pem", "ca/issuing-ca.pem",
				"ca/issuing-ca-private-key.pem", "ca/ca-certificates.pem", "ca/truststore.p12", "ca/truststore.jks",
				"browser/browser-user-certificate.pem", "browser/browser-user-private-key.pem",
				"browser/browser-user.p12", "thumbprints.txt"))
			assertThat(dir.resolve(file)).isRegularFile();
		for (OrganizationDefinition organization : tutorial.organizations())
			for (String file : List.of("server-certificate.pem", "server-certificate-chain.pem",
					"server-private-key.pem", "client-certificate.pem", "client-certificate-chain.pem",
					"client-private-key.pem", "client.p12", "allow-list-bundle.xml"))
				assertThat(dir.resolve("organizations").resolve(organization.identifier()).resolve(file))
						.isRegularFile();

		String dicClientThumbprint = Thumbprint.of(Pem
				.readCertificates(Files.readString(dir.resolve("organizations/dic.dsf.test/client-certificate.pem")))
				.get(0));
		assertThat(Files.readAllLines(dir.resolve("thumbprints.txt")))
				.contains(dicClientThumbprint + "  client:dic.dsf.test");
		assertThat(Files.readString(dir.resolve("organizations/hrp.dsf.test/allow-list-bundle.xml")))
				.contains(dicClientThumbprint);
		assertThat(Pem.readCertificates(Files.readString(dir.resolve("ca/ca-certificates.pem")))).hasSize(2);
		assertThat(Files.getPosixFilePermissions(dir.resolve("organizations/dic.dsf.test/client-private-key.pem")))
				.containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
						java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

		KeyStore p12 = KeyStore.getInstance("PKCS12");
		try (var in = Files.newInputStream(dir.resolve("browser/browser-user.p12")))
		{
			p12.load(in, "password".toCharArray());
		}
		assertThat(p12.getCertificateChain("browser-user")).hasSize(3);
		assertThat(progress).contains("generating CA hierarchy (rsa-2048)",
				"generating client certificate of dic.dsf.test");
	}

	@Test
	void secondRunKeepsEveryFileAndThumbprint() throws Exception
	{
		write(tutorial, Options.defaults());
		String thumbprints = Files.readString(dir.resolve("thumbprints.txt"));
		progress.clear();

		Result again = write(tutorial, Options.defaults());

		assertThat(again.written()).isEmpty();
		assertThat(Files.readString(dir.resolve("thumbprints.txt"))).isEqualTo(thumbprints);
		assertThat(progress).isEmpty();
	}

	@Test
	void changedHostnamesReissueOnlyThatServerCertificate() throws Exception
	{
		write(tutorial, Options.defaults());
		String rootCa = Files.readString(dir.resolve("ca/root-ca.pem"));
		String dicClient = Files.readString(dir.resolve("organizations/dic.dsf.test/client-certificate.pem"));

		NetworkDefinition renamed = NetworkDefinitionReader.read("""
				parents:
				  - identifier: medizininformatik-initiative.de
				organizations:
				  - identifier: dic.dsf.test
				    hostnames: [dic.dsf.test, dic]
				    roles:
				      medizininformatik-initiative.de: [DIC]
				  - identifier: cos.dsf.test
				  - identifier: hrp.dsf.test
				""", "test", "tutorial", Map.of());
		progress.clear();
		Result result = write(renamed, Options.defaults());

		assertThat(result.written()).extracting(f -> dir.relativize(f.path()).toString()).contains(
				"organizations/dic.dsf.test/server-certificate.pem", "thumbprints.txt");
		assertThat(result.written()).extracting(f -> dir.relativize(f.path()).toString()).doesNotContain(
				"ca/root-ca.pem", "organizations/dic.dsf.test/client-certificate.pem",
				"organizations/cos.dsf.test/server-certificate.pem");
		assertThat(Files.readString(dir.resolve("ca/root-ca.pem"))).isEqualTo(rootCa);
		assertThat(Files.readString(dir.resolve("organizations/dic.dsf.test/client-certificate.pem"))).isEqualTo(dicClient);
		assertThat(progress).containsExactly("generating server certificate of dic.dsf.test");
	}

	@Test
	void keyPasswordEncryptsPrivateKeysAndIsNeededToReuseThem() throws Exception
	{
		Options encrypted = new Options(KeyType.EC_P256, "s3cret".toCharArray(), null);
		write(tutorial, encrypted);
		String key = Files.readString(dir.resolve("organizations/cos.dsf.test/client-private-key.pem"));
		assertThat(key).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
		assertThat(Pem.readPrivateKey(key, "s3cret".toCharArray()).getAlgorithm()).isEqualTo("EC");

		assertThat(write(tutorial, encrypted).written()).isEmpty();

		assertThatThrownBy(() -> write(tutorial, Options.defaults())).isInstanceOf(PkiDirectoryException.class)
				.hasMessageContaining("root-ca-private-key.pem: private key is encrypted, but no password was given")
				.hasMessageEndingWith("pass the key password it was written with");
	}

	@Test
	void askingForAnotherKeyTypeThanTheFolderHoldsIsRefused()
	{
		write(tutorial, Options.defaults());
		assertThatThrownBy(() -> write(tutorial, new Options(KeyType.EC_P256, null, null)))
				.isInstanceOf(PkiDirectoryException.class)
				.hasMessage(dir + " holds rsa-2048 certificates, but ec-p256 was asked for; use another folder or delete this one");
	}

	@Test
	void keyThatDoesNotBelongToItsCertificateIsReported() throws Exception
	{
		write(tutorial, Options.defaults());
		Files.copy(dir.resolve("ca/issuing-ca-private-key.pem"), dir.resolve("ca/root-ca-private-key.pem"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		assertThatThrownBy(() -> write(tutorial, Options.defaults())).isInstanceOf(PkiDirectoryException.class)
				.hasMessage(dir.resolve("ca/root-ca-private-key.pem") + ": does not belong to "
						+ dir.resolve("ca/root-ca.pem"));
	}

	@Test
	void certificateOfAnotherCaIsReplaced() throws Exception
	{
		write(tutorial, Options.defaults());
		Path other = Files.createDirectory(dir.resolve("other"));
		PkiDirectory.write(other, tutorial, Options.defaults(), Clock.systemUTC(), line -> {});
		for (String file : List.of("client-certificate.pem", "client-private-key.pem"))
			Files.copy(other.resolve("organizations/hrp.dsf.test").resolve(file),
					dir.resolve("organizations/hrp.dsf.test").resolve(file),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		progress.clear();

		Result result = write(tutorial, Options.defaults());

		assertThat(progress).containsExactly("generating client certificate of hrp.dsf.test");
		assertThat(result.written()).extracting(FileChange::change).containsOnly(Change.UPDATED);
	}

	private Result write(NetworkDefinition network, Options options)
	{
		return PkiDirectory.write(dir, network, options, Clock.systemUTC(), progress::add);
	}
}
