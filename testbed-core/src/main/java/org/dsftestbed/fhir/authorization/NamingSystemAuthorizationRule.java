package org.dsftestbed.fhir.authorization;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.NamingSystem;
import org.hl7.fhir.r4.model.NamingSystem.NamingSystemIdentifierType;
import org.hl7.fhir.r4.model.NamingSystem.NamingSystemUniqueIdComponent;

/**
 * NamingSystem: status draft/active/retired, a name, URI unique ids not repeated; name and URI unique ids unique across
 * the server, because logical references are resolved through the NamingSystem owning an identifier system. The
 * name must not change on update.
 */
public final class NamingSystemAuthorizationRule extends MetaTagAuthorizationRule<NamingSystem>
{
	public NamingSystemAuthorizationRule()
	{
		super(NamingSystem.class);
	}

	@Override
	protected List<String> contentProblems(NamingSystem resource, AuthorizationContext context)
	{
		List<String> problems = new ArrayList<>();
		PublicationStatuses.problemOf(resource).ifPresent(problems::add);
		if (!resource.hasName())
			problems.add("NamingSystem.name missing");

		List<String> uris = uriUniqueIds(resource);
		if (new HashSet<>(uris).size() != uris.size())
			problems.add("NamingSystem.uniqueId of type uri repeated: " + uris);

		return problems;
	}

	@Override
	protected Optional<String> duplicateOf(NamingSystem newResource, AuthorizationContext context)
	{
		List<NamingSystem> stored = stored(context);
		if (stored.stream().anyMatch(n -> Objects.equals(n.getName(), newResource.getName())))
			return Optional.of("a NamingSystem with name '" + newResource.getName() + "' already exists");

		Set<String> storedUris = new HashSet<>();
		stored.forEach(n -> storedUris.addAll(uriUniqueIds(n)));
		return uriUniqueIds(newResource).stream().filter(storedUris::contains).findFirst()
				.map(uri -> "a NamingSystem with uniqueId " + uri + " already exists");
	}

	@Override
	protected Optional<String> forbiddenModification(NamingSystem oldResource, NamingSystem newResource,
			AuthorizationContext context)
	{
		return Objects.equals(oldResource.getName(), newResource.getName()) ? Optional.empty()
				: Optional.of("NamingSystem.name must not change ('" + oldResource.getName() + "' -> '"
						+ newResource.getName() + "')");
	}

	// only URI unique ids count: they are the identifier systems DSF resolves logical references by
	private static List<String> uriUniqueIds(NamingSystem namingSystem)
	{
		return namingSystem.getUniqueId().stream().filter(u -> NamingSystemIdentifierType.URI.equals(u.getType()))
				.filter(NamingSystemUniqueIdComponent::hasValue).map(NamingSystemUniqueIdComponent::getValue).toList();
	}
}
