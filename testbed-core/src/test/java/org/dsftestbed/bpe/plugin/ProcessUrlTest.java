package org.dsftestbed.bpe.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessUrlTest
{
	@Test
	void theProcessIdIsTheDomainWithoutDotsAndTheName()
	{
		ProcessUrl url = ProcessUrl.parse("http://dsf.dev/bpe/Process/ping").orElseThrow();

		assertThat(url.processId()).isEqualTo("dsfdev_ping");
		assertThat(ProcessUrl.parse("https://medizininformatik-initiative.de/bpe/Process/dataSend").orElseThrow()
				.processId()).isEqualTo("medizininformatik-initiativede_dataSend");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost/bpe/Process/ping", "http://a.dsf.dev/bpe/Process/ping",
			"ftp://dsf.dev/bpe/Process/ping", "http://dsf.dev/bpe/Process/ping/", "http://dsf.dev/bpe/Process/pi_ng",
			"http://dsf.dev/Process/ping", "http://-dsf.dev/bpe/Process/ping" })
	void urlsDsfRefuses(String url)
	{
		// no dot, a one-character label (DSF 1.9.0's pattern), other scheme, trailing slash, underscore, path, hyphen
		assertThat(ProcessUrl.parse(url)).isEmpty();
	}

	@Test
	void aCanonicalAddsTheResourceVersion()
	{
		ProcessUrl.Canonical canonical = ProcessUrl.parseCanonical("https://dsf.dev/bpe/Process/ping|1.0")
				.orElseThrow();

		assertThat(canonical.processIdAndVersion()).isEqualTo(new ProcessIdAndVersion("dsfdev_ping", "1.0"));
		assertThat(canonical.taskIdentifierPrefix()).isEqualTo("https://dsf.dev/bpe/Process/ping/1.0/");
		assertThat(ProcessUrl.parseCanonical("https://dsf.dev/bpe/Process/ping|1.0.0")).isEmpty();
		assertThat(ProcessUrl.parseCanonical("https://dsf.dev/bpe/Process/ping")).isEmpty();
	}

	@Test
	void processIds()
	{
		assertThat(ProcessUrl.isValidProcessId("dsfdev_ping")).isTrue();
		assertThat(ProcessUrl.isValidProcessId("medizininformatik-initiativede_dataSend")).isTrue();
		assertThat(ProcessUrl.isValidProcessId("ping")).isFalse();
		assertThat(ProcessUrl.isValidProcessId("dsf.dev_ping")).isFalse();
		assertThat(ProcessUrl.isValidProcessId("dsfdev_ping_v2")).isFalse();
	}

	@Test
	void processIdAndVersionReadsAndWritesIdBarVersion()
	{
		assertThat(ProcessIdAndVersion.parse("dsfdev_ping|1.0")).hasToString("dsfdev_ping|1.0");
	}
}
