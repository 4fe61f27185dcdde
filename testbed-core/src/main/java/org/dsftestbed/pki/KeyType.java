package org.dsftestbed.pki;

import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Key algorithm and size of every key the testbed generates. RSA 2048 is the default of written certificate folders
 * and the container runtime; RSA 4096 is what DSF's own test-data generator uses; EC P-256, generated in milliseconds
 * instead of a tenth of a second per key, is the embedded runtime's default (it generates a network's keys at every
 * boot).
 */
public enum KeyType
{
	RSA_2048("rsa-2048", "RSA", "SHA256withRSA"), RSA_4096("rsa-4096", "RSA", "SHA512withRSA"), EC_P256("ec-p256", "EC",
			"SHA256withECDSA");

	private final String label;
	private final String algorithm;
	private final String signatureAlgorithm;

	KeyType(String label, String algorithm, String signatureAlgorithm)
	{
		this.label = label;
		this.algorithm = algorithm;
		this.signatureAlgorithm = signatureAlgorithm;
	}

	public String label()
	{
		return label;
	}

	/** JCA signature algorithm used when a key of this type signs a certificate. */
	public String signatureAlgorithm()
	{
		return signatureAlgorithm;
	}

	public KeyPair generate()
	{
		try
		{
			KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
			switch (this)
			{
				case RSA_2048 -> generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
				case RSA_4096 -> generator.initialize(new RSAKeyGenParameterSpec(4096, RSAKeyGenParameterSpec.F4));
				case EC_P256 -> generator.initialize(new ECGenParameterSpec("secp256r1"));
			}
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e)
		{
			throw new IllegalStateException("JVM cannot generate " + label + " keys", e);
		}
	}

	/** Parses a label such as {@code rsa-2048}; the message lists the valid labels. */
	public static KeyType fromLabel(String label)
	{
		String normalized = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(k -> k.label.equals(normalized)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException(
						"unknown key type '" + label + "'; known: " + Arrays.stream(values()).map(KeyType::label)
								.collect(Collectors.joining(", "))));
	}

	/** The key type of an existing key, e.g. one loaded from disk. */
	public static KeyType of(java.security.PublicKey key)
	{
		if (key instanceof java.security.interfaces.RSAPublicKey rsa)
			return rsa.getModulus().bitLength() > 2048 ? RSA_4096 : RSA_2048;
		if (key instanceof java.security.interfaces.ECPublicKey)
			return EC_P256;
		throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm());
	}
}
