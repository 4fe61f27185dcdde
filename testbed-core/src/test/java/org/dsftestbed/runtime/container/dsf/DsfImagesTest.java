package org.dsftestbed.runtime.container.dsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import org.junit.jupiter.api.Test;

class DsfImagesTest
{
	@Test
	void defaultsAreDsf190AndPostgres15()
	{
		assertThat(DsfImages.from(new Properties()).all()).containsExactly("ghcr.io/datasharingframework/fhir:1.9.0",
				"ghcr.io/datasharingframework/bpe:1.9.0", "ghcr.io/datasharingframework/fhir_proxy:1.9.0", "postgres:15");
		assertThat(DsfImages.defaults().started()).containsExactly("postgres:15",
				"ghcr.io/datasharingframework/fhir:1.9.0", "ghcr.io/datasharingframework/bpe:1.9.0");
	}

	@Test
	void propertiesChangeTheVersionOrSingleImages()
	{
		Properties properties = new Properties();
		properties.setProperty(DsfImages.VERSION_PROPERTY, "1.8.0");
		properties.setProperty(DsfImages.BPE_PROPERTY, " registry.example/dsf/bpe:custom ");
		properties.setProperty(DsfImages.POSTGRES_PROPERTY, "");
		DsfImages images = DsfImages.from(properties);
		assertThat(images.fhir()).isEqualTo("ghcr.io/datasharingframework/fhir:1.8.0");
		assertThat(images.fhirProxy()).isEqualTo("ghcr.io/datasharingframework/fhir_proxy:1.8.0");
		assertThat(images.bpe()).isEqualTo("registry.example/dsf/bpe:custom");
		assertThat(images.postgres()).isEqualTo("postgres:15");
	}

	@Test
	void aBadImageNameIsNamed()
	{
		Properties properties = new Properties();
		properties.setProperty(DsfImages.FHIR_PROPERTY, "fhir 1.9.0");
		assertThatThrownBy(() -> DsfImages.from(properties)).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("system property dsf.testbed.dsf.fhirImage='fhir 1.9.0' is not an image name "
						+ "(it contains white space)");
		assertThatThrownBy(() -> new DsfImages("a", " ", "c", "d")).hasMessageContaining("bpe image name");
	}
}
