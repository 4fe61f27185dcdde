package org.dsftestbed.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.dsftestbed.network.NetworkPresets;
import org.junit.jupiter.api.Test;

class ContainerNetworkOptionsTest
{
	@Test
	void defaultsWorkAndWithersChangeOneSettingEach()
	{
		ContainerNetworkOptions options = ContainerNetworkOptions.of(NetworkPresets.load("tutorial"));
		assertThat(options.startupTimeout()).isEqualTo(ContainerNetworkOptions.DEFAULT_STARTUP_TIMEOUT);
		assertThat(options.logDirectory()).isNull();
		assertThat(options.image()).isNull();

		ContainerNetworkOptions changed = options.withStartupTimeout(Duration.ofSeconds(90))
				.withLogDirectory(Path.of("run/containers")).withImage("dsf-testbed/organization:x");
		assertThat(changed.startupTimeout()).isEqualTo(Duration.ofSeconds(90));
		assertThat(changed.logDirectory()).isEqualTo(Path.of("run/containers"));
		assertThat(changed.image()).isEqualTo("dsf-testbed/organization:x");
		assertThat(changed.network()).isSameAs(options.network());
	}

	@Test
	void aStartupTimeoutMustBePositive()
	{
		ContainerNetworkOptions options = ContainerNetworkOptions.of(NetworkPresets.load("tutorial"));
		assertThatThrownBy(() -> options.withStartupTimeout(Duration.ZERO))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start-up timeout must be positive");
		assertThatThrownBy(() -> options.withStartupTimeout(Duration.ofSeconds(-1)))
				.isInstanceOf(IllegalArgumentException.class);
	}
}
