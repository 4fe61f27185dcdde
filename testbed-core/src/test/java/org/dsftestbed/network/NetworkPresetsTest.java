package org.dsftestbed.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NetworkPresetsTest
{
	private static final String MII = "medizininformatik-initiative.de";

	@Test
	void tutorialHasDicCosAndHrpUnderTheMii()
	{
		NetworkDefinition tutorial = NetworkPresets.load("tutorial");

		assertThat(tutorial.parents()).extracting(ParentOrganization::identifier).containsExactly(MII);
		assertThat(tutorial.organizations()).extracting(OrganizationDefinition::identifier)
				.containsExactly("dic.dsf.test", "cos.dsf.test", "hrp.dsf.test");
		assertThat(tutorial.organization("dic.dsf.test").roles()).isEqualTo(Map.of(MII, List.of("DIC")));
		assertThat(tutorial.organization("cos.dsf.test").roles()).isEqualTo(Map.of(MII, List.of("COS")));
		assertThat(tutorial.organization("hrp.dsf.test").roles()).isEqualTo(Map.of(MII, List.of("HRP")));
		assertThat(tutorial.organization("hrp.dsf.test").hostnames()).containsExactly("hrp.dsf.test");
	}

	@Test
	void threeDicTtpUsesDsfTestSetupNames()
	{
		NetworkDefinition network = NetworkPresets.load("3dic-ttp");

		assertThat(network.organizations()).extracting(OrganizationDefinition::identifier)
				.containsExactly("Test_DIC_1", "Test_DIC_2", "Test_DIC_3", "Test_TTP");
		assertThat(network.organizations()).extracting(OrganizationDefinition::primaryHostname)
				.containsExactly("dic1", "dic2", "dic3", "ttp");
		assertThat(network.organization("Test_DIC_2").roles()).isEqualTo(Map.of(MII, List.of("DIC")));
		assertThat(network.organization("Test_TTP").roles()).isEqualTo(Map.of(MII, List.of("TTP")));
	}

	@Test
	void feasibilityHasOneHrpAndAParameterizedNumberOfDics()
	{
		assertThat(NetworkPresets.load("feasibility").organizations()).hasSize(4);

		NetworkDefinition network = NetworkPresets.load("feasibility", Map.of("dics", "7"));
		assertThat(network.organizations()).hasSize(8);
		assertThat(network.organizations().get(0).roles()).isEqualTo(Map.of(MII, List.of("HRP")));
		assertThat(network.organizations().subList(1, 8)).allSatisfy(
				dic -> assertThat(dic.roles()).isEqualTo(Map.of(MII, List.of("DIC"))));
		assertThat(network.organizations().get(7).identifier()).isEqualTo("dic7.dsf.test");
	}

	@Test
	void unknownPresetListsTheKnownOnes()
	{
		assertThatThrownBy(() -> NetworkPresets.resolve("tutorail", Map.of()))
				.isInstanceOf(NetworkDefinitionException.class)
				.hasMessage("tutorail: neither a preset nor a file; presets: tutorial, 3dic-ttp, feasibility");
	}
}
