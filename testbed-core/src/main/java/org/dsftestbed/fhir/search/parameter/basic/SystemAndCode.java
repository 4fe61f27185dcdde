package org.dsftestbed.fhir.search.parameter.basic;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;

/** The two fields a token compares: an Identifier's system and value, or a Coding's system and code; null if absent. */
public record SystemAndCode(String system, String code)
{
	public static SystemAndCode of(Identifier identifier)
	{
		return new SystemAndCode(identifier.hasSystem() ? identifier.getSystem() : null,
				identifier.hasValue() ? identifier.getValue() : null);
	}

	public static SystemAndCode of(Coding coding)
	{
		return new SystemAndCode(coding.hasSystem() ? coding.getSystem() : null,
				coding.hasCode() ? coding.getCode() : null);
	}

	/** {@code system + code} as SQL's {@code ||} concatenates: null when either is missing. */
	public String concatenated()
	{
		return system == null || code == null ? null : system + code;
	}
}
