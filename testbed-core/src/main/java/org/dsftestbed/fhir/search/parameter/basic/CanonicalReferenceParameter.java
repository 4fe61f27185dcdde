package org.dsftestbed.fhir.search.parameter.basic;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import org.dsftestbed.fhir.search.parameter.basic.Criterion;
import org.hl7.fhir.r4.model.Resource;

/**
 * A reference parameter on canonical URLs, e.g. {@code QuestionnaireResponse.questionnaire}: DSF parses the value like
 * a reference but uses only the URL form; ids, {@code <Type>/<id>} and {@code :identifier} are refused.
 */
public abstract class CanonicalReferenceParameter<R extends Resource> extends AbstractSearchParameter<R>
{
	private final List<String> targetTypes;

	protected CanonicalReferenceParameter(Class<R> type, String name, String... targetTypes)
	{
		super(type, name, List.of(ReferenceValue.IDENTIFIER));
		this.targetTypes = List.of(targetTypes);
	}

	@Override
	protected final Optional<Criterion> parseValue(String modifier, String value, ZoneId serverTimeZone,
			List<ParameterProblem> problems)
	{
		Optional<ReferenceValue> reference = ReferenceValue.parse(name, modifier, value, targetTypes, problems);
		if (reference.isEmpty())
			return Optional.empty();
		if (reference.get().form() != ReferenceValue.Form.URL)
		{
			problems.add(ParameterProblem.unparsableValue(name, value, "a canonical URL is expected"));
			return Optional.empty();
		}

		String url = reference.get().url();
		return Optional.of(criterion(name, url, resource -> matchesCanonical(resource, url)));
	}

	protected abstract boolean matchesCanonical(R resource, String url);
}
