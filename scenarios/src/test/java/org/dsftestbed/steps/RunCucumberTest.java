package org.dsftestbed.steps;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/** Runs every feature under {@code features/} on the JUnit Platform, so {@code mvn verify} runs them. */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "org.dsftestbed.steps")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "summary, org.dsftestbed.steps.KnownStepsPlugin")
public class RunCucumberTest
{
}
