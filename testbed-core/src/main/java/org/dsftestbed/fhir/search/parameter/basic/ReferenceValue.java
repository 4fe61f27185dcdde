package org.dsftestbed.fhir.search.parameter.basic;

import java.util.List;
import java.util.Optional;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;

/**
 * A reference search value in the forms DSF accepts: {@code <id>}, {@code <Type>/<id>}, an absolute URL (starting with
 * {@code http}), or with {@code :identifier} a token naming the referenced resource's identifier.
 */
public record ReferenceValue(Form form, String type, String id, String url, TokenValue identifier)
{
	public static final String IDENTIFIER = ":identifier";

	public enum Form
	{
		ID, TYPE_AND_ID, URL, IDENTIFIER
	}

	/**
	 * @param modifier
	 *            {@code ""} or {@link #IDENTIFIER}
	 * @return empty, with a problem added, for a value of unusable form
	 */
	public static Optional<ReferenceValue> parse(String parameterName, String modifier, String value,
			List<String> targetTypes, List<ParameterProblem> problems)
	{
		if (IDENTIFIER.equals(modifier))
			return Optional.of(new ReferenceValue(Form.IDENTIFIER, null, null, null, TokenValue.parse(value, false)));

		if (value.indexOf('/') < 0)
			return Optional.of(new ReferenceValue(Form.ID, null, value, null, null));
		if (value.startsWith("http"))
			return Optional.of(new ReferenceValue(Form.URL, null, null, value, null));

		String[] parts = value.split("/");
		if (parts.length != 2)
		{
			problems.add(ParameterProblem.unparsableValue(parameterName, value, "expected <Type>/<id>"));
			return Optional.empty();
		}
		if (!targetTypes.contains(parts[0]))
		{
			problems.add(ParameterProblem.unparsableValue(parameterName, value,
					"reference type " + parts[0] + " is not one of " + targetTypes));
			return Optional.empty();
		}
		return Optional.of(new ReferenceValue(Form.TYPE_AND_ID, parts[0], parts[1], null, null));
	}

	/**
	 * The literal references ({@code Reference.reference}) this value selects; a bare id stands for each target type.
	 * Not for {@link Form#IDENTIFIER}.
	 */
	public List<String> literalReferences(List<String> targetTypes)
	{
		return switch (form)
		{
			case ID -> targetTypes.stream().map(t -> t + "/" + id).toList();
			case TYPE_AND_ID -> List.of(type + "/" + id);
			case URL -> List.of(url);
			case IDENTIFIER -> throw new IllegalStateException("an identifier selects no literal reference");
		};
	}

	public String linkName(String parameterName)
	{
		return form == Form.IDENTIFIER ? parameterName + IDENTIFIER : parameterName;
	}

	public String linkValue()
	{
		return switch (form)
		{
			case ID -> id;
			case TYPE_AND_ID -> type + "/" + id;
			case URL -> url;
			case IDENTIFIER -> identifier.linkValue();
		};
	}
}
