package org.dsftestbed.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestbedImagesTest
{
	@Test
	void defaultBaseImageComesFromImagesProperties()
	{
		assertThat(TestbedImages.defaultBaseImage()).isEqualTo("dsf-testbed/jre-base:bookworm");
		assertThat(TestbedImages.baseImage(null, null)).isEqualTo(TestbedImages.defaultBaseImage());
		assertThat(TestbedImages.baseImage(" ", "")).isEqualTo(TestbedImages.defaultBaseImage());
	}

	@Test
	void systemPropertyWinsOverEnvironment()
	{
		assertThat(TestbedImages.baseImage(null, "eclipse-temurin:17-jre")).isEqualTo("eclipse-temurin:17-jre");
		assertThat(TestbedImages.baseImage("my/jre:17 ", "eclipse-temurin:17-jre")).isEqualTo("my/jre:17");
	}
}
