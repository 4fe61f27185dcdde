package org.dsftestbed.fhir.search;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import java.util.List;

import org.hl7.fhir.r4.model.Bundle;

/**
 * @param bundle
 *            the searchset to answer with 200
 * @param problems
 *            the parameter problems also listed in the bundle's {@code outcome} entry (lenient handling)
 */
public record SearchResult(Bundle bundle, List<ParameterProblem> problems)
{
	public SearchResult
	{
		problems = List.copyOf(problems);
	}

	/** Number of readable matches ({@code Bundle.total}). */
	public int total()
	{
		return bundle.getTotal();
	}
}
