package org.dsftestbed.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.network.NetworkPresets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the container runtime checks before it asks Docker for anything. */
class ContainerRuntimeTest
{
	@TempDir
	Path classes;

	@Test
	void aClassesFolderAsPluginIsRefusedNamingTheOrganizationAndWhatToDo()
	{
		ContainerNetworkOptions options = ContainerNetworkOptions.of(NetworkPresets.load("tutorial"))
				.withPlugins(List.of(PluginSource.directory(classes)));
		assertThatThrownBy(() -> ContainerRuntime.boot(options)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("dic.dsf.test").hasMessageContaining(classes.toString())
				.hasMessageContaining("jar files only");
	}

	@Test
	void endpointAddressesAreThePrimaryHostnamesOnPort443()
	{
		var dic = NetworkPresets.load("tutorial").organization("dic.dsf.test");
		assertThat(ContainerRuntime.baseUrl(dic)).isEqualTo("https://" + dic.primaryHostname() + "/fhir");
	}
}
