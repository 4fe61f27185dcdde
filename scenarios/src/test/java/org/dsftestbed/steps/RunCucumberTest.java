package org.dsftestbed.steps;

import static io.cucumber.junit.platform.engine.Constants.FILTER_TAGS_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Runs every feature under {@code features/} on the JUnit Platform (embedded runtime; those tagged
 * {@value ContainerFaultSteps#TAG} are left out), so {@code mvn verify} runs them; the run's reports
 * (conformance report, Cucumber JSON/HTML, JUnit XML) go to {@code scenarios/target/reports/verify/}.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "org.dsftestbed.steps")
// scenarios that need the container runtime run in ConnectivityOnContainersIT
@ConfigurationParameter(key = FILTER_TAGS_PROPERTY_NAME, value = "not " + ContainerFaultSteps.TAG)
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "summary, org.dsftestbed.steps.KnownStepsPlugin, "
		+ "org.dsftestbed.steps.ConformanceReportPlugin:target/reports/verify, json:target/reports/verify/cucumber.json, "
		+ "html:target/reports/verify/cucumber.html, junit:target/reports/verify/junit.xml")
public class RunCucumberTest
{
}
