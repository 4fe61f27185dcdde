package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.CodeParameter;
import org.hl7.fhir.r4.model.Subscription;

/** {@code Subscription.channel.payload}, a mime type such as {@code application/fhir+json}. */
public final class SubscriptionPayload extends CodeParameter<Subscription>
{
	public SubscriptionPayload()
	{
		super(Subscription.class, "payload",
				s -> s.hasChannel() && s.getChannel().hasPayload() ? s.getChannel().getPayload() : null, null,
				OtherForms.IGNORE);
	}
}
