package org.dsftestbed.runtime.container.organization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.dsftestbed.network.AllowListBundle;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkDefinitionReader;
import org.dsftestbed.pki.KeyType;

/**
 * A two-organization network (a.test, b.test) with certificates, and the files and environment of one of its
 * organizations written to a folder as the organization image expects them.
 */
final class TestOrganizations
{
	static final String A = "a.test";
	static final String B = "b.test";

	static final NetworkDefinition NETWORK = NetworkDefinitionReader.read("""
			name: standalone
			parents:
			  - identifier: parent.test
			organizations:
			  - identifier: a.test
			    hostnames: [a]
			    roles: {parent.test: [DIC]}
			  - identifier: b.test
			    hostnames: [b]
			    roles: {parent.test: [TTP]}
			""", "standalone.yaml", "standalone", Map.of());

	private static NetworkCertificates certificates;

	private TestOrganizations()
	{
	}

	static synchronized NetworkCertificates certificates()
	{
		if (certificates == null)
			certificates = NetworkCertificates.generate(NETWORK, KeyType.EC_P256, Clock.systemUTC());
		return certificates;
	}

	/**
	 * Writes organization {@code a.test}'s files into the folder, with an allow list whose Endpoint of {@code a.test}
	 * has the given address, and returns its environment (relative paths) with an empty plugin directory.
	 */
	static Map<String, String> writeA(Path folder, String baseUrlOfA)
	{
		return write(folder, A, Map.of(A, baseUrlOfA, B, "https://b/fhir"));
	}

	/**
	 * Writes one organization's files into the folder, with an allow list whose Endpoints have the given addresses
	 * (by organization identifier), and returns its environment (relative paths) with an empty plugin directory.
	 */
	static Map<String, String> write(Path folder, String organization, Map<String, String> baseUrls)
	{
		var allowList = AllowListBundle.builder(NETWORK).thumbprints(certificates()::allowListThumbprints)
				.endpointAddress(o -> baseUrls.get(o.identifier())).build();
		OrganizationImageInput input = OrganizationImageInput.of(organization, baseUrls.get(organization),
				certificates(), allowList);
		try
		{
			for (var file : input.files().entrySet())
			{
				Path path = folder.resolve(file.getKey());
				Files.createDirectories(path.getParent());
				Files.writeString(path, file.getValue());
			}
			Files.createDirectories(folder.resolve(OrganizationSettings.DEFAULT_PLUGIN_DIRECTORY));
		}
		catch (IOException e)
		{
			throw new UncheckedIOException(e);
		}
		return new HashMap<>(input.environment());
	}
}
