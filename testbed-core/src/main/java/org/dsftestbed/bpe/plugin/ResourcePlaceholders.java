package org.dsftestbed.bpe.plugin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.core.env.PropertyResolver;
import org.springframework.util.PlaceholderResolutionException;

/**
 * The text replacement DSF 1.9.0 applies to a plugin's BPMN and FHIR files before parsing them (spec §5.3).
 * <ol>
 * <li>{@code #{version}} → the resource version, {@code #{date}} → the resource release date as {@code yyyy-MM-dd},
 * {@code #{organization}} → the local organization's identifier value, or the text {@code null} when unknown.</li>
 * <li>Every other {@code #{name}} or {@code #{name:default}} is resolved from the organization's environment, with
 * Spring's placeholder syntax (nesting, defaults, {@code \} as escape character) because DSF turns them into Spring
 * placeholders and lets its Spring environment resolve them.</li>
 * <li>BPMN files: Camunda expressions {@code ${...}} stay as they are. FHIR files: DSF does not protect {@code ${...}},
 * so Spring resolves those as well — a FHIR file may use {@code ${dev.dsf.some.property}}, and a literal {@code ${x}}
 * in it fails unless {@code x} is set. The testbed does the same, so that a plugin that loads in DSF loads here and
 * one that fails there fails here.</li>
 * </ol>
 * An unresolvable placeholder makes the real BPE throw and not start; here it is an
 * {@link UnresolvablePlaceholderException} that rejects the plugin.
 */
final class ResourcePlaceholders
{
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final String DSF_START = "#{";
	private static final String SPRING_START = "${";
	/** Stands in for a Camunda expression's {@code ${} while Spring resolves; no plugin file contains it. */
	private static final String PROTECTED_EXPRESSION_START = "\uE000{";

	private final String resourceVersion;
	private final String resourceDate;
	private final String organization;
	private final PropertyResolver environment;

	ResourcePlaceholders(String resourceVersion, LocalDate resourceReleaseDate, String localOrganizationIdentifier,
			PropertyResolver environment)
	{
		this.resourceVersion = resourceVersion;
		this.resourceDate = resourceReleaseDate.format(DATE);
		this.organization = String.valueOf(localOrganizationIdentifier);
		this.environment = environment;
	}

	/** Thrown for a placeholder that has no value and no default. */
	static final class UnresolvablePlaceholderException extends Exception
	{
		private static final long serialVersionUID = 1L;

		UnresolvablePlaceholderException(String message)
		{
			super(message);
		}
	}

	String inBpmn(String content) throws UnresolvablePlaceholderException
	{
		String expressionsProtected = replaceFixed(content).replace(SPRING_START, PROTECTED_EXPRESSION_START);
		return resolve(expressionsProtected.replace(DSF_START, SPRING_START), content)
				.replace(PROTECTED_EXPRESSION_START, SPRING_START);
	}

	String inFhir(String content) throws UnresolvablePlaceholderException
	{
		return resolve(replaceFixed(content).replace(DSF_START, SPRING_START), content);
	}

	private String replaceFixed(String content)
	{
		return content.replace("#{version}", resourceVersion).replace("#{date}", resourceDate)
				.replace("#{organization}", organization);
	}

	private String resolve(String content, String original) throws UnresolvablePlaceholderException
	{
		try
		{
			return environment.resolveRequiredPlaceholders(content);
		}
		catch (PlaceholderResolutionException e)
		{
			throw new UnresolvablePlaceholderException(unresolvable(e.getPlaceholder(), original));
		}
		catch (IllegalArgumentException e)
		{
			// e.g. a circular reference between properties
			throw new UnresolvablePlaceholderException("placeholders cannot be resolved: " + e.getMessage());
		}
	}

	private static String unresolvable(String name, String original)
	{
		String written = original.contains(DSF_START + name) ? DSF_START + name + "}" : SPRING_START + name + "}";
		String variable = name.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
		return "placeholder " + written + " cannot be resolved: the organization's environment has neither " + name
				+ " nor " + variable + "; set one of them, or give a default: #{" + name + ":default}";
	}
}
