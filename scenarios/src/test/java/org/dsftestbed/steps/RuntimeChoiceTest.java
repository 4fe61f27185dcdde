package org.dsftestbed.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RuntimeChoiceTest
{
	@Test
	void embeddedIsTheDefaultAndContainerTakesTheSimulatedImages()
	{
		assertThat(RuntimeChoice.of(null, null)).isEqualTo(RuntimeChoice.EMBEDDED);
		assertThat(RuntimeChoice.of("Embedded", null)).isEqualTo(RuntimeChoice.EMBEDDED);
		assertThat(RuntimeChoice.of("container", null)).isEqualTo(RuntimeChoice.CONTAINER_SIMULATED);
		assertThat(RuntimeChoice.of(" container ", "simulated")).isEqualTo(RuntimeChoice.CONTAINER_SIMULATED);
		assertThat(RuntimeChoice.CONTAINER_SIMULATED.description()).isEqualTo("container --images simulated");
		assertThat(RuntimeChoice.of("container", " DSF ")).isEqualTo(RuntimeChoice.CONTAINER_DSF);
		assertThat(RuntimeChoice.CONTAINER_DSF.description()).isEqualTo("container --images dsf");
	}

	@Test
	void wrongCombinationsNameWhatIsWrong()
	{
		assertThatThrownBy(() -> RuntimeChoice.of("container", "hapi"))
				.hasMessage("unknown image set 'hapi'; known: simulated, dsf");
		assertThatThrownBy(() -> RuntimeChoice.of("embedded", "dsf")).hasMessageContaining("needs --runtime container");
		assertThatThrownBy(() -> RuntimeChoice.of("docker", null))
				.hasMessage("unknown runtime 'docker'; known: embedded, container");
	}
}
