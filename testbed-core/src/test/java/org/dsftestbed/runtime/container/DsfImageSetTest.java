package org.dsftestbed.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkPresets;
import org.dsftestbed.pki.KeyType;
import org.dsftestbed.runtime.container.dsf.DsfImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dsf image set's parts that need no Docker: selection, the pull error, the faults it refuses. */
class DsfImageSetTest
{
	private ContainerNetwork network;

	@BeforeEach
	void network()
	{
		NetworkDefinition definition = NetworkPresets.load("tutorial");
		// no Docker client: every call below must refuse before it would reach Docker
		network = new ContainerNetwork(definition,
				NetworkCertificates.generate(definition, KeyType.EC_P256, Clock.systemUTC()),
				ContainerNetworkOptions.of(definition).withImageSet(ImageSet.DSF), null, "test");
	}

	@AfterEach
	void close()
	{
		network.close();
	}

	@Test
	void imageSetsAreSelectedByName()
	{
		assertThat(ImageSet.of(" DSF ")).isEqualTo(ImageSet.DSF);
		assertThat(ImageSet.of("simulated")).isEqualTo(ImageSet.SIMULATED);
		assertThatThrownBy(() -> ImageSet.of("hapi")).hasMessage("unknown image set 'hapi'; known: simulated, dsf");

		ContainerNetworkOptions options = ContainerNetworkOptions.of(NetworkPresets.load("tutorial"));
		assertThat(options.imageSet()).isEqualTo(ImageSet.SIMULATED);
		DsfImages images = DsfImages.of("1.8.0");
		assertThat(options.withDsfImages(images).imageSet()).isEqualTo(ImageSet.DSF);
		assertThat(options.withDsfImages(images).dsfImages()).isEqualTo(images);
	}

	/** DSF v1.9.0's start scripts ({@code docker/dsf_fhir_start.sh}, {@code docker/dsf_bpe_start.sh}), HTTPS mains. */
	@Test
	void theStartCommandsAreTheImagesStartScriptsWithTheHttpsMainClasses()
	{
		String java = "exec java $EXTRA_JVM_ARGS -Djdk.tls.acknowledgeCloseNotify=true ";
		assertThat(DsfContainers.FHIR_COMMAND)
				.isEqualTo(java + "-cp 'lib/*:dsf_fhir.jar' dev.dsf.fhir.FhirJettyServerHttps");
		assertThat(DsfContainers.BPE_COMMAND)
				.isEqualTo(java + "-cp 'lib/*:lib_external/*:dsf_bpe.jar' dev.dsf.bpe.BpeJettyServerHttps");
	}

	@Test
	void anImageThatCannotBePulledIsNamedWithWhatToDo()
	{
		assertThat(DsfContainers.cannotPull("ghcr.io/datasharingframework/fhir:1.9.0", "connection refused"))
				.startsWith("image ghcr.io/datasharingframework/fhir:1.9.0 of the dsf image set is not present locally "
						+ "and could not be pulled (connection refused)")
				.contains("docker pull ghcr.io/datasharingframework/fhir:1.9.0", "docker load",
						"-Ddsf.testbed.dsf.version");
	}

	@Test
	void timeAndBpeFaultsSayTheyCannotBeDrivenInsideRealDsf()
	{
		assertRefused(() -> network.clock().advance(Duration.ofMinutes(5)), "advancing simulated time",
				"system clock");
		assertRefused(() -> network.pauseBpe("dic.dsf.test"), "pausing a BPE", "no control endpoint");
		assertRefused(() -> network.resumeBpe("dic.dsf.test"), "resuming a BPE", "no control endpoint");
		assertRefused(() -> network.takeOffline("dic.dsf.test"), "taking a server offline", "no control endpoint");
		assertRefused(() -> network.setLatency("dic.dsf.test", Duration.ofSeconds(1)), "adding latency",
				"no control endpoint");
		assertRefused(() -> network.expireClientCertificate("dic.dsf.test"), "expiring a client certificate",
				"no control endpoint");
		assertRefused(() -> network.removeFromAllowLists("dic.dsf.test"), "removing an organization", "allow lists");
	}

	private static void assertRefused(ThrowingCallable call, String fault, String why)
	{
		assertThatThrownBy(call).isInstanceOf(UnsupportedOperationException.class)
				.hasMessageStartingWith(fault).hasMessageContaining("not possible on the dsf image set", why,
						"--images simulated");
	}

	@Test
	void theSimulatedImageSetStillAcceptsThem()
	{
		NetworkDefinition definition = NetworkPresets.load("tutorial");
		ContainerNetwork simulated = new ContainerNetwork(definition, network.certificates(),
				ContainerNetworkOptions.of(definition), null, "test-simulated");
		try
		{
			// no organizations were started: the simulated set gets as far as looking the organization up
			assertThatThrownBy(() -> simulated.pauseBpe("dic.dsf.test"))
					.isNotInstanceOf(UnsupportedOperationException.class);
			simulated.clock().advance(Duration.ofMinutes(1));
			assertThat(simulated.clock().offset()).isEqualTo(Duration.ofMinutes(1));
		}
		finally
		{
			simulated.close();
		}
	}
}
