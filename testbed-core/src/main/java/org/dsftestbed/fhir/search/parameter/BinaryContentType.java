package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.CodeParameter;
import org.hl7.fhir.r4.model.Binary;

/** {@code Binary.contentType}. */
public final class BinaryContentType extends CodeParameter<Binary>
{
	public BinaryContentType()
	{
		super(Binary.class, "contentType", b -> b.hasContentType() ? b.getContentType() : null, null,
				OtherForms.IGNORE);
	}
}
