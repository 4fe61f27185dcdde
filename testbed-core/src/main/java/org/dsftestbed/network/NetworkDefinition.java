package org.dsftestbed.network;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A DSF network: parent organizations and member organizations with their roles, plugins and settings. Read from
 * YAML by {@link NetworkDefinitionReader} or taken from {@link NetworkPresets}.
 *
 * <pre>{@code
 * NetworkDefinition tutorial = NetworkPresets.load("tutorial");
 * OrganizationDefinition dic = tutorial.organization("dic.dsf.test");
 * }</pre>
 *
 * @param name
 *            network name, used in reports and output folders
 * @param source
 *            where the definition came from (file path or {@code preset:<name>}), for messages
 */
public record NetworkDefinition(String name, String source, List<ParentOrganization> parents,
		List<OrganizationDefinition> organizations)
{
	public NetworkDefinition
	{
		parents = List.copyOf(parents);
		organizations = List.copyOf(organizations);
	}

	public Optional<OrganizationDefinition> findOrganization(String identifier)
	{
		return organizations.stream().filter(o -> o.identifier().equals(identifier)).findFirst();
	}

	/**
	 * @throws IllegalArgumentException
	 *             naming the known organizations when there is none with this identifier
	 */
	public OrganizationDefinition organization(String identifier)
	{
		return findOrganization(identifier)
				.orElseThrow(() -> new IllegalArgumentException("unknown organization '" + identifier + "'; known: "
						+ organizations.stream().map(OrganizationDefinition::identifier)
								.collect(Collectors.joining(", "))));
	}

	public Optional<ParentOrganization> findParent(String identifier)
	{
		return parents.stream().filter(p -> p.identifier().equals(identifier)).findFirst();
	}
}
