package org.dsftestbed.fhir.search.parameter.basic;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Resource;

/**
 * Resolves literal references the way DSF's SQL joins them: {@code concat('<Type>/', id) = reference}, so only a
 * relative {@code <Type>/<id>} finds a resource, and only a current, not deleted one. Read access plays no part here.
 */
public final class References
{
	private References()
	{
	}

	public static Optional<Resource> resolve(String reference, Collection<String> targetTypes, ResourceStore store)
	{
		String[] parts = reference.split("/");
		if (parts.length != 2 || !targetTypes.contains(parts[0]))
			return Optional.empty();

		return store.read(parts[0], parts[1]) instanceof ResourceStore.Found found ? Optional.of(found.resource())
				: Optional.empty();
	}

	/** Keeps the first of resources with equal type and id. */
	public static List<Resource> distinct(List<Resource> resources)
	{
		Map<String, Resource> byId = new LinkedHashMap<>();
		resources.forEach(r -> byId.putIfAbsent(r.fhirType() + "/" + r.getIdElement().getIdPart(), r));
		return List.copyOf(byId.values());
	}

	/** The {@code identifier} element of any resource type that has one. */
	public static List<Identifier> identifiersOf(Resource resource)
	{
		Property identifier = resource.getNamedProperty("identifier");
		if (identifier == null)
			return List.of();
		return identifier.getValues().stream().filter(Identifier.class::isInstance).map(Identifier.class::cast)
				.toList();
	}
}
