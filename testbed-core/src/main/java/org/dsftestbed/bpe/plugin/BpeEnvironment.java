package org.dsftestbed.bpe.plugin;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * What one organization's BPE knows when it loads plugins.
 *
 * @param localOrganizationIdentifier
 *            the value of the local organization's {@code http://dsf.dev/sid/organization-identifier}; DSF finds it
 *            through the active Endpoint whose address is the BPE's FHIR base URL. {@code null} when unknown:
 *            {@code #{organization}} then becomes the text {@code null} and every Task template is left out, as in DSF
 * @param properties
 *            the organization's BPE environment: environment variables ({@code DEV_DSF_BPE_EXAMPLE}) or properties
 *            ({@code dev.dsf.bpe.example}); either spelling is found by either name
 */
public record BpeEnvironment(String localOrganizationIdentifier, Map<String, String> properties)
{
	public BpeEnvironment
	{
		properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
	}

	/**
	 * The organization's environment as Spring sees it, for {@code #{...}} placeholders and for the plugin's Spring
	 * context ({@code @Value("${dev.dsf.bpe.example:default}")}). As in DSF, where Spring maps a property name to an
	 * environment variable, {@code a.b-c} is also found as {@code a_b_c}, {@code A_B_C} and the like.
	 * <p>
	 * Unlike DSF's, it holds only the organization's properties, not the JVM's system properties and environment
	 * variables: the organizations of one testbed JVM must not see each other's settings or the test machine's.
	 */
	public ConfigurableEnvironment springEnvironment()
	{
		return new OrganizationEnvironment(properties);
	}

	private static final class OrganizationEnvironment extends AbstractEnvironment
	{
		OrganizationEnvironment(Map<String, String> properties)
		{
			// SystemEnvironmentPropertySource does Spring's property-name to variable-name mapping
			getPropertySources().addFirst(
					new SystemEnvironmentPropertySource("organization environment", new HashMap<>(properties)));
		}
	}
}
