package org.dsftestbed.fhir.authorization;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.MetadataResource;

/** Conformance resources may be stored as draft, active or retired — never unknown or without status. */
final class PublicationStatuses
{
	private static final Set<PublicationStatus> ALLOWED = EnumSet.of(PublicationStatus.DRAFT, PublicationStatus.ACTIVE,
			PublicationStatus.RETIRED);

	private PublicationStatuses()
	{
	}

	static Optional<String> problemOf(MetadataResource resource)
	{
		if (!resource.hasStatus())
			return Optional.of(resource.fhirType() + ".status missing");
		if (!ALLOWED.contains(resource.getStatus()))
			return Optional.of(resource.fhirType() + ".status " + resource.getStatus().toCode()
					+ " not one of draft, active, retired");
		return Optional.empty();
	}
}
