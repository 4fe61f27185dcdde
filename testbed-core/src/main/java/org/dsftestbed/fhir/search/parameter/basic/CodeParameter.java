package org.dsftestbed.fhir.search.parameter.basic;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import org.dsftestbed.fhir.search.parameter.basic.Criterion;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.Resource;

/**
 * A token parameter on one plain code element, e.g. {@code Task.status}: DSF compares the element's text with the
 * requested code, and only the bare {@code code} form is used. Depending on the parameter, the other forms are
 * ignored (status-like parameters) or refused (version).
 */
public abstract class CodeParameter<R extends Resource> extends TokenParameter<R>
{
	/** What to do with {@code system|code}, {@code |code} and {@code system|} values. */
	protected enum OtherForms
	{
		IGNORE, REFUSE
	}

	private final Function<R, String> code;
	private final Function<String, ?> validCode;
	private final OtherForms otherForms;

	/**
	 * @param code
	 *            the element's code, null if absent
	 * @param validCode
	 *            throws {@link FHIRException} for codes outside the element's value set, e.g.
	 *            {@code Task.TaskStatus::fromCode}; null if any code is allowed
	 */
	protected CodeParameter(Class<R> type, String name, Function<R, String> code, Function<String, ?> validCode,
			OtherForms otherForms)
	{
		super(type, name);
		this.code = code;
		this.validCode = validCode;
		this.otherForms = otherForms;
	}

	@Override
	protected Optional<Criterion> criterion(TokenValue token, String value, List<ParameterProblem> problems)
	{
		if (token.form() != TokenValue.Form.CODE)
		{
			if (otherForms == OtherForms.REFUSE)
				problems.add(ParameterProblem.unparsableValue(name, value, null));
			return Optional.empty();
		}

		if (validCode != null)
		{
			try
			{
				validCode.apply(token.code());
			}
			catch (FHIRException e)
			{
				problems.add(ParameterProblem.unparsableValue(name, value, e.getMessage()));
				return Optional.empty();
			}
		}

		return Optional.of(criterion(linkName(token), token.code(), resource ->
		{
			SqlTruth equal = SqlTruth.equal(code.apply(resource), token.code());
			return (token.negated() ? equal.not() : equal).selects();
		}));
	}

	@Override
	protected Comparable<?> sortValueOf(R resource)
	{
		return code.apply(resource);
	}
}
