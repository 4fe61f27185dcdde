package org.dsftestbed.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PkiTest
{
	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(KeyType.class)
	void opensslVerifiesEveryChainForThePurposeOfTheCertificate(KeyType keyType) throws Exception
	{
		Pki pki = Pki.create(keyType, Clock.systemUTC());
		Path root = write("root.pem", Pem.certificate(pki.root().certificate()));
		Path issuing = write("issuing.pem", Pem.certificate(pki.issuing().certificate()));

		IssuedCertificate server = pki.serverCertificate("DIC", List.of("dic.dsf.test", "dic"));
		IssuedCertificate client = pki.clientCertificate("dic.dsf.test-client", "DIC");
		IssuedCertificate browser = pki.browserUserCertificate();

		assertVerified(root, issuing, server, "sslserver");
		assertVerified(root, issuing, client, "sslclient");
		assertVerified(root, issuing, browser, "sslclient");

		Openssl.Result issuingCa = Openssl.run("verify", "-x509_strict", "-CAfile", root.toString(),
				issuing.toString());
		assertThat(issuingCa.exitCode()).as(issuingCa.output()).isZero();
	}

	@Test
	void opensslRefusesClientCertificatesOfAForeignCaOrForTheWrongPurpose() throws Exception
	{
		Pki pki = Pki.create(KeyType.RSA_2048, Clock.systemUTC());
		Path root = write("root.pem", Pem.certificate(pki.root().certificate()));
		Path issuing = write("issuing.pem", Pem.certificate(pki.issuing().certificate()));

		IssuedCertificate foreign = pki.faulty().foreignCaClient("x", "X");
		Path foreignLeaf = write("foreign.pem", Pem.certificate(foreign.certificate()));
		assertThat(Openssl.run("verify", "-CAfile", root.toString(), "-untrusted", issuing.toString(),
				foreignLeaf.toString()).exitCode()).isNotZero();

		IssuedCertificate noClientAuth = pki.faulty().clientWithoutClientAuth("x", "X");
		Path noClientAuthLeaf = write("noclientauth.pem", Pem.certificate(noClientAuth.certificate()));
		assertThat(Openssl.run("verify", "-CAfile", root.toString(), "-untrusted", issuing.toString(), "-purpose",
				"sslclient", noClientAuthLeaf.toString()).exitCode()).isNotZero();
	}

	@Test
	void thumbprintIsTheLowercaseSha512FingerprintThatOpensslComputes() throws Exception
	{
		Pki pki = Pki.create(KeyType.RSA_2048, Clock.systemUTC());
		for (IssuedCertificate certificate : List.of(pki.clientCertificate("a-client", "A"),
				pki.serverCertificate("A", List.of("a.test")), pki.root().asIssuedCertificate()))
		{
			Path file = write("cert.pem", Pem.certificate(certificate.certificate()));
			Openssl.Result fingerprint = Openssl.run("x509", "-in", file.toString(), "-noout", "-fingerprint",
					"-sha512");
			assertThat(fingerprint.exitCode()).as(fingerprint.output()).isZero();
			String expected = fingerprint.output().substring(fingerprint.output().indexOf('=') + 1).replace(":", "")
					.toLowerCase();

			assertThat(Thumbprint.of(certificate.certificate())).isEqualTo(expected).matches("[a-f0-9]{128}");
		}
	}

	@Test
	void extensionsFollowDsfTestCertificates() throws Exception
	{
		Pki pki = Pki.create(KeyType.RSA_2048, Clock.systemUTC());
		X509Certificate root = pki.root().certificate();
		X509Certificate issuing = pki.issuing().certificate();
		X509Certificate server = pki.serverCertificate("DIC", List.of("dic.dsf.test")).certificate();
		X509Certificate client = pki.clientCertificate("dic-client", "DIC").certificate();

		assertThat(root.getBasicConstraints()).isEqualTo(1);
		assertThat(issuing.getBasicConstraints()).isZero();
		assertThat(issuing.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
		assertThat(root.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
		// keyCertSign (5) and cRLSign (6)
		assertThat(issuing.getKeyUsage()).containsExactly(false, false, false, false, false, true, true, false,
				false);

		assertThat(server.getBasicConstraints()).isEqualTo(-1);
		assertThat(server.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
		// digitalSignature, nonRepudiation, keyEncipherment, dataEncipherment
		assertThat(server.getKeyUsage()).startsWith(true, true, true, true, false);
		assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
		assertThat(sans(server)).containsExactly("dic.dsf.test", "localhost", "127.0.0.1");
		assertThat(server.getSubjectX500Principal().getName()).isEqualTo("CN=dic.dsf.test,O=DIC,C=DE");

		assertThat(client.getKeyUsage()).startsWith(true, true, true, false);
		assertThat(client.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
		assertThat(client.getSubjectAlternativeNames()).isNull();
		assertThat(client.getNonCriticalExtensionOIDs()).contains("2.5.29.14", "2.5.29.35"); // SKI, AKI
	}

	@Test
	void faultyCertificatesAreBrokenInExactlyTheirOneWay() throws Exception
	{
		Pki pki = Pki.create(KeyType.EC_P256, Clock.systemUTC());
		FaultyCertificates faulty = pki.faulty();

		X509Certificate expired = faulty.expiredClient("e", "E").certificate();
		assertThatThrownBy(expired::checkValidity).isInstanceOf(java.security.cert.CertificateExpiredException.class);
		assertThat(pki.issued(expired)).isTrue();

		X509Certificate notYetValid = faulty.notYetValidClient("n", "N").certificate();
		assertThatThrownBy(notYetValid::checkValidity)
				.isInstanceOf(java.security.cert.CertificateNotYetValidException.class);

		X509Certificate foreign = faulty.foreignCaClient("f", "F").certificate();
		foreign.checkValidity();
		assertThat(foreign.getIssuerX500Principal()).isEqualTo(pki.issuing().certificate().getSubjectX500Principal());
		assertThat(pki.issued(foreign)).isFalse();

		X509Certificate noClientAuth = faulty.clientWithoutClientAuth("c", "C").certificate();
		noClientAuth.checkValidity();
		assertThat(pki.issued(noClientAuth)).isTrue();
		assertThat(noClientAuth.getExtendedKeyUsage()).doesNotContain("1.3.6.1.5.5.7.3.2");
	}

	@Test
	void pemKeysRoundTripPlainAndEncryptedAndOpensslReadsThem() throws Exception
	{
		Pki pki = Pki.create(KeyType.RSA_2048, Clock.systemUTC());
		IssuedCertificate client = pki.clientCertificate("dic-client", "DIC");
		char[] password = "secret".toCharArray();

		String plain = Pem.privateKey(client.privateKey());
		String encrypted = Pem.encryptedPrivateKey(client.privateKey(), password);
		assertThat(plain).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(encrypted).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

		assertThat(Pem.readPrivateKey(plain, null)).isEqualTo(client.privateKey());
		assertThat(Pem.readPrivateKey(encrypted, password)).isEqualTo(client.privateKey());
		assertThatThrownBy(() -> Pem.readPrivateKey(encrypted, "wrong".toCharArray())).isInstanceOf(IOException.class)
				.hasMessageContaining("wrong password");
		assertThatThrownBy(() -> Pem.readPrivateKey(encrypted, null)).hasMessageContaining("encrypted");

		Path encryptedFile = write("key.pem", encrypted);
		Openssl.Result read = Openssl.run("pkey", "-in", encryptedFile.toString(), "-passin", "pass:secret",
				"-noout");
		assertThat(read.exitCode()).as(read.output()).isZero();

		assertThat(Pem.readCertificates(Pem.certificates(client.fullChain()))).isEqualTo(client.fullChain());
	}

	@Test
	void keyStoresHoldTheKeyWithItsChainAndTheTrustedCas() throws Exception
	{
		Pki pki = Pki.create(KeyType.RSA_2048, Clock.systemUTC());
		IssuedCertificate browser = pki.browserUserCertificate();
		char[] password = "password".toCharArray();

		KeyStore p12 = KeyStore.getInstance("PKCS12");
		p12.load(new java.io.ByteArrayInputStream(
				KeyStores.toBytes(KeyStores.keyStore(browser, "browser", password), password)), password);
		assertThat(p12.getKey("browser", password)).isEqualTo(browser.privateKey());
		assertThat(p12.getCertificateChain("browser")).hasSize(3);

		for (KeyStores.Format format : KeyStores.Format.values())
		{
			KeyStore trust = KeyStore.getInstance(format.name());
			trust.load(new java.io.ByteArrayInputStream(KeyStores
					.toBytes(KeyStores.trustStore(pki.caCertificates(), format), password)), password);
			assertThat(java.util.Collections.list(trust.aliases())).hasSize(2)
					.allSatisfy(alias -> assertThat(trust.isCertificateEntry(alias)).isTrue());
		}

		Path p12File = dir.resolve("browser.p12");
		Files.write(p12File, KeyStores.toBytes(KeyStores.keyStore(browser, "browser", password), password));
		Openssl.Result info = Openssl.run("pkcs12", "-in", p12File.toString(), "-passin", "pass:password", "-nokeys");
		assertThat(info.exitCode()).as(info.output()).isZero();
		assertThat(info.output()).contains("Webbrowser Test User");
	}

	private void assertVerified(Path root, Path issuing, IssuedCertificate leaf, String purpose) throws Exception
	{
		Path leafFile = write("leaf.pem", Pem.certificate(leaf.certificate()));
		Openssl.Result result = Openssl.run("verify", "-x509_strict", "-CAfile", root.toString(), "-untrusted",
				issuing.toString(), "-purpose", purpose, leafFile.toString());
		assertThat(result.exitCode()).as(leaf.subject() + ": " + result.output()).isZero();
		assertThat(result.output()).endsWith(": OK");
	}

	private Path write(String name, String content) throws IOException
	{
		return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
	}

	private static List<String> sans(X509Certificate certificate) throws Exception
	{
		Collection<List<?>> names = certificate.getSubjectAlternativeNames();
		return names.stream().map(name -> (String) name.get(1)).toList();
	}
}
