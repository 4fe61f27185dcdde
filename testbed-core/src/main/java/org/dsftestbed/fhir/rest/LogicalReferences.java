package org.dsftestbed.fhir.rest;

import java.util.List;
import java.util.Optional;

import org.dsftestbed.fhir.context.FhirContexts;
import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.NamingSystem;
import org.hl7.fhir.r4.model.NamingSystem.NamingSystemUniqueIdComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * DSF's handling of logical references ({@code Reference.identifier} without {@code reference}): on the way in,
 * references whose identifier system is the uniqueId of a NamingSystem marked with the modifier extension
 * {@code extension-check-logical-reference=true} (organization and endpoint identifiers) must resolve to exactly
 * one stored resource, and the stored copy gets the literal {@code Type/id}; on the way out the literal part is
 * removed again wherever an identifier is present, so clients always see the logical reference they sent.
 */
public final class LogicalReferences
{
	static final String CHECK_LOGICAL_REFERENCE = "http://dsf.dev/fhir/StructureDefinition/extension-check-logical-reference";

	private static final java.util.Map<String, String> TYPE_OF_SYSTEM = java.util.Map.of(
			"http://dsf.dev/sid/organization-identifier", "Organization", "http://dsf.dev/sid/endpoint-identifier",
			"Endpoint");

	private final ResourceStore store;

	public LogicalReferences(ResourceStore store)
	{
		this.store = store;
	}

	/**
	 * Adds the literal reference to every checked logical reference of {@code resource}.
	 *
	 * @throws FhirException
	 *             403 when a checked logical reference does not resolve to exactly one resource
	 */
	public void resolve(Resource resource)
	{
		for (Reference reference : references(resource))
		{
			if (reference.hasReference() || !reference.hasIdentifier())
				continue;
			Identifier identifier = reference.getIdentifier();
			if (!isChecked(identifier.getSystem()))
				continue;
			Optional<String> type = targetType(reference);
			if (type.isEmpty())
				throw FhirException.forbidden("logical reference with identifier system " + identifier.getSystem()
						+ " has no type, and the system names none");
			List<String> targets = store.derived(type.get(), "ids-by-identifier", LogicalReferences::idsByIdentifier)
					.getOrDefault(identifier.getSystem() + "|" + identifier.getValue(), List.of());
			if (targets.size() != 1)
				throw FhirException.forbidden("logical reference to " + type.get() + " with identifier "
						+ identifier.getSystem() + "|" + identifier.getValue() + " resolves to " + targets.size()
						+ " resources, expected 1");
			reference.setReference(type.get() + "/" + targets.get(0));
		}
	}

	/** A copy of {@code resource} (a Bundle's entries included) whose logical references carry no literal part. */
	public static Resource strip(Resource resource)
	{
		Resource copy = resource.copy();
		stripInPlace(copy);
		return copy;
	}

	private static void stripInPlace(Resource resource)
	{
		for (Reference reference : references(resource))
			if (reference.hasIdentifier() && reference.hasReference())
				reference.setReference(null);
		// the terser does not descend into the resources of Bundle entries
		if (resource instanceof Bundle bundle)
			for (Bundle.BundleEntryComponent entry : bundle.getEntry())
				if (entry.getResource() != null)
					stripInPlace(entry.getResource());
	}

	private static List<Reference> references(IBaseResource resource)
	{
		return FhirContexts.r4().newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class);
	}

	/** Whether a stored NamingSystem asks for references with this identifier system to be checked. */
	private boolean isChecked(String system)
	{
		return system != null && store.derived("NamingSystem", "checked-systems", LogicalReferences::checkedSystems)
				.contains(system);
	}

	private static java.util.Set<String> checkedSystems(List<Resource> namingSystems)
	{
		java.util.Set<String> systems = new java.util.HashSet<>();
		for (Resource resource : namingSystems)
			for (NamingSystemUniqueIdComponent uniqueId : ((NamingSystem) resource).getUniqueId())
				if (uniqueId.hasValue() && isCheckedUniqueId((NamingSystem) resource, uniqueId.getValue()))
					systems.add(uniqueId.getValue());
		return java.util.Set.copyOf(systems);
	}

	/** {@code system|value} of every identifier in the resources → their ids. */
	private static java.util.Map<String, List<String>> idsByIdentifier(List<Resource> resources)
	{
		java.util.Map<String, List<String>> index = new java.util.HashMap<>();
		for (Resource resource : resources)
			for (Identifier identifier : FhirContexts.r4().newTerser().getAllPopulatedChildElementsOfType(resource,
					Identifier.class))
				if (identifier.hasSystem() && identifier.hasValue())
					index.computeIfAbsent(identifier.getSystem() + "|" + identifier.getValue(),
							k -> new java.util.ArrayList<>()).add(resource.getIdElement().getIdPart());
		return index;
	}

	/** {@code Reference.type}, else the type DSF's checked identifier systems identify. */
	private static Optional<String> targetType(Reference reference)
	{
		if (reference.hasType() && ResourceOperations.isResourceType(reference.getType()))
			return Optional.of(reference.getType());
		return Optional.ofNullable(TYPE_OF_SYSTEM.get(reference.getIdentifier().getSystem()));
	}

	private static boolean isCheckedUniqueId(NamingSystem namingSystem, String system)
	{
		for (NamingSystemUniqueIdComponent uniqueId : namingSystem.getUniqueId())
			if (system.equals(uniqueId.getValue()) && uniqueId.getModifierExtension().stream().anyMatch(
					e -> CHECK_LOGICAL_REFERENCE.equals(e.getUrl()) && e.getValue() instanceof BooleanType b && b.booleanValue()))
				return true;
		return false;
	}

}
