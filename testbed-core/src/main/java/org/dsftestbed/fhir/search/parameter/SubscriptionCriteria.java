package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.SqlTruth;
import org.dsftestbed.fhir.search.parameter.basic.StringParameter;
import org.hl7.fhir.r4.model.Subscription;

/** {@code Subscription.criteria}; the BPE looks its subscriptions up with {@code criteria:exact=Task?status=requested}. */
public final class SubscriptionCriteria extends StringParameter<Subscription>
{
	public SubscriptionCriteria()
	{
		super(Subscription.class, "criteria");
	}

	@Override
	protected SqlTruth test(Subscription resource, StringMatch match)
	{
		return match.test(criteria(resource));
	}

	@Override
	protected Comparable<?> sortValueOf(Subscription resource)
	{
		return criteria(resource);
	}

	private static String criteria(Subscription resource)
	{
		return resource.hasCriteria() ? resource.getCriteria() : null;
	}
}
