package org.dsftestbed.fhir.search.parameter;

import java.util.function.Function;

import org.dsftestbed.fhir.search.parameter.basic.SqlTruth;
import org.dsftestbed.fhir.search.parameter.basic.StringParameter;
import org.hl7.fhir.r4.model.Resource;

/** {@code name} on a single name element (Endpoint, HealthcareService, conformance resources). */
public final class NameParameter<R extends Resource> extends StringParameter<R>
{
	private final Function<R, String> nameOf;

	/**
	 * @param nameOf
	 *            the name, null if absent
	 */
	public NameParameter(Class<R> type, Function<R, String> nameOf)
	{
		super(type, "name");
		this.nameOf = nameOf;
	}

	@Override
	protected SqlTruth test(R resource, StringMatch match)
	{
		return match.test(nameOf.apply(resource));
	}

	@Override
	protected Comparable<?> sortValueOf(R resource)
	{
		return nameOf.apply(resource);
	}
}
