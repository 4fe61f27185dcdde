package org.dsftestbed.bpe.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.dsftestbed.bpe.plugin.BpeEnvironment;
import org.dsftestbed.bpe.plugin.ProcessIdAndVersion;
import org.junit.jupiter.api.Test;

/** DSF 1.9.0's parsing of {@code DEV_DSF_BPE_PROCESS_EXCLUDED} and {@code DEV_DSF_BPE_PROCESS_RETIRED}. */
class ProcessStateSettingsTest
{
	private static final ProcessIdAndVersion A = new ProcessIdAndVersion("dsfdev_a", "1.0");
	private static final ProcessIdAndVersion B = new ProcessIdAndVersion("dsfdev_b", "2.1");

	private static java.util.Set<ProcessIdAndVersion> parse(String value)
	{
		return ProcessStateSettings.parse("DEV_DSF_BPE_PROCESS_EXCLUDED", value);
	}

	@Test
	void commaCommaSpaceAndLineBreakSeparate()
	{
		assertThat(parse("dsfdev_a|1.0,dsfdev_b|2.1")).containsExactly(A, B);
		assertThat(parse("dsfdev_a|1.0, dsfdev_b|2.1")).containsExactly(A, B);
		assertThat(parse("dsfdev_a|1.0\ndsfdev_b|2.1\n")).containsExactly(A, B);
		assertThat(parse("  dsfdev_a|1.0,\n\ndsfdev_b|2.1  ")).as("whole value trimmed, blank items skipped")
				.containsExactly(A, B);
		assertThat(parse("")).isEmpty();
		assertThat(parse(null)).isEmpty();
	}

	@Test
	void itemsAreNotTrimmedSoExtraSpacesMatchNothing()
	{
		// two spaces after the comma: the second item keeps one, as in DSF
		assertThat(parse("dsfdev_a|1.0,  dsfdev_b|2.1")).containsExactly(A,
				new ProcessIdAndVersion(" dsfdev_b", "2.1"));
		assertThat(parse("dsfdev_a|1.0 , dsfdev_b|2.1")).containsExactly(new ProcessIdAndVersion("dsfdev_a", "1.0 "),
				B);
	}

	@Test
	void anItemNotOfTheFormIdVersionIsRefusedByName()
	{
		assertThatThrownBy(() -> parse("dsfdev_a|1.0 dsfdev_b|2.1")).as("a space alone does not separate")
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageStartingWith("DEV_DSF_BPE_PROCESS_EXCLUDED: item 'dsfdev_a|1.0 dsfdev_b|2.1'");
		assertThatThrownBy(() -> parse("dsfdev_a")).hasMessageContaining("'dsfdev_a' is not of the form");
		assertThatThrownBy(() -> parse("dsfdev_a|")).hasMessageContaining("'dsfdev_a|'");
	}

	@Test
	void bothListsAreReadFromEitherSpelling()
	{
		ProcessStateSettings settings = ProcessStateSettings.from(new BpeEnvironment("dic.dsf.test",
				Map.of("DEV_DSF_BPE_PROCESS_EXCLUDED", "dsfdev_a|1.0", "dev.dsf.bpe.process.retired", "dsfdev_b|2.1")));
		assertThat(settings.excluded()).containsExactly(A);
		assertThat(settings.retired()).containsExactly(B);
		assertThat(ProcessStateSettings.from(new BpeEnvironment("dic.dsf.test", Map.of())))
				.isEqualTo(ProcessStateSettings.none());
	}
}
