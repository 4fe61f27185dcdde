package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.CodeParameter;
import org.hl7.fhir.r4.model.Subscription;

/** {@code Subscription.channel.type}, e.g. {@code websocket}. */
public final class SubscriptionType extends CodeParameter<Subscription>
{
	public SubscriptionType()
	{
		super(Subscription.class, "type",
				s -> s.hasChannel() && s.getChannel().hasType() ? s.getChannel().getType().toCode() : null,
				Subscription.SubscriptionChannelType::fromCode, OtherForms.IGNORE);
	}
}
