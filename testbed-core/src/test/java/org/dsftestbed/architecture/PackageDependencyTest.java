package org.dsftestbed.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The design's rule for testbed-core: one package, one responsibility, arrows pointing one way (network → pki;
 * fhir, bpe → network; nothing below depends on what is above it) and no cycles, sub-packages included.
 */
class PackageDependencyTest
{
	private static JavaClasses classes;

	@BeforeAll
	static void importClasses()
	{
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("org.dsftestbed");
	}

	@Test
	void noPackageCycles()
	{
		slices().matching("org.dsftestbed.(**)").should().beFreeOfCycles().check(classes);
	}

	@Test
	void pkiDependsOnNoOtherTestbedPackage()
	{
		noClasses().that().resideInAPackage("org.dsftestbed.pki..").should().dependOnClassesThat()
				.resideInAnyPackage("org.dsftestbed.network..", "org.dsftestbed.fhir..", "org.dsftestbed.bpe..",
						"org.dsftestbed.runtime..", "org.dsftestbed.time..")
				.check(classes);
	}

	@Test
	void networkUsesOnlyPkiAndTheSharedFhirContext()
	{
		noClasses().that().resideInAPackage("org.dsftestbed.network..").should().dependOnClassesThat()
				.resideInAnyPackage("org.dsftestbed.fhir.server..", "org.dsftestbed.fhir.rest..",
						"org.dsftestbed.fhir.store..", "org.dsftestbed.bpe..", "org.dsftestbed.runtime..")
				.check(classes);
	}

	@Test
	void theFhirServerKnowsNothingOfTheBpe()
	{
		noClasses().that().resideInAPackage("org.dsftestbed.fhir..").should().dependOnClassesThat()
				.resideInAPackage("org.dsftestbed.bpe..").check(classes);
	}

	@Test
	void theFhirServerAndTheBpeKnowNothingOfRuntimesClientsOrReports()
	{
		noClasses().that().resideInAnyPackage("org.dsftestbed.fhir..", "org.dsftestbed.bpe..").should()
				.dependOnClassesThat().resideInAnyPackage("org.dsftestbed.runtime..", "org.dsftestbed.client..",
						"org.dsftestbed.conformance..")
				.check(classes);
	}

	@Test
	void runtimesDoNotDependOnTheClientOrTheReports()
	{
		noClasses().that().resideInAPackage("org.dsftestbed.runtime..").should().dependOnClassesThat()
				.resideInAnyPackage("org.dsftestbed.client..", "org.dsftestbed.conformance..").check(classes);
	}

	@Test
	void theClientSeesRunningOrganizationsOnlyThroughTheRuntimeNeutralHandles()
	{
		noClasses().that().resideInAPackage("org.dsftestbed.client..").should().dependOnClassesThat()
				.resideInAnyPackage("org.dsftestbed.runtime.embedded..", "org.dsftestbed.runtime.container..",
						"org.dsftestbed.fhir.server..", "org.dsftestbed.bpe..")
				.check(classes);
	}
}
