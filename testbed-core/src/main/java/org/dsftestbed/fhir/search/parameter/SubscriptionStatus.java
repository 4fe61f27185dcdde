package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.CodeParameter;
import org.hl7.fhir.r4.model.Subscription;

/** {@code Subscription.status}. */
public final class SubscriptionStatus extends CodeParameter<Subscription>
{
	public SubscriptionStatus()
	{
		super(Subscription.class, "status", s -> s.hasStatus() ? s.getStatus().toCode() : null,
				Subscription.SubscriptionStatus::fromCode, OtherForms.IGNORE);
	}
}
