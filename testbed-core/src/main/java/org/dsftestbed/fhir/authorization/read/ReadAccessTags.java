package org.dsftestbed.fhir.authorization.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import org.dsftestbed.fhir.authorization.lookup.DsfIdentifiers;
import org.dsftestbed.fhir.authorization.lookup.Membership;
import org.dsftestbed.fhir.identity.Identity;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * DSF read-access tags ({@code meta.tag} with system {@value #SYSTEM}): whether a resource's tags are valid for a
 * create or update, and whether they let an identity read it.
 * <p>
 * Valid are exactly one {@code ALL} standing alone, or exactly one {@code LOCAL} with any number of
 * {@code ORGANIZATION} and {@code ROLE} tags, each well-formed and referring to an existing organization / role code.
 * A running DSF 1.9.0 accepts {@code ALL} together with {@code LOCAL} (its check counts LOCAL first), and then ALL
 * applies on read; this class does the same.
 * <p>
 * DSF materialises read access into a table when a resource is written; this class evaluates the same predicate at
 * read time against the current organizations and affiliations.
 *
 * <pre>{@code
 * resource.getMeta().addTag(ReadAccessTags.SYSTEM, ReadAccessTags.ALL, null);
 * ReadAccessTags.problems(resource, context);          // [] when valid
 * ReadAccessTags.grantingTag(identity, resource, context); // Optional[ALL]
 * }</pre>
 */
public final class ReadAccessTags
{
	public static final String SYSTEM = "http://dsf.dev/fhir/CodeSystem/read-access-tag";

	public static final String ALL = "ALL";
	public static final String LOCAL = "LOCAL";
	public static final String ORGANIZATION = "ORGANIZATION";
	public static final String ROLE = "ROLE";

	public static final String EXTENSION_ORGANIZATION = "http://dsf.dev/fhir/StructureDefinition/extension-read-access-organization";
	public static final String EXTENSION_ROLE = "http://dsf.dev/fhir/StructureDefinition/extension-read-access-parent-organization-role";
	public static final String EXTENSION_ROLE_PARENT_ORGANIZATION = "parent-organization";
	public static final String EXTENSION_ROLE_ORGANIZATION_ROLE = "organization-role";

	private static final Set<String> CODES = Set.of(ALL, LOCAL, ORGANIZATION, ROLE);

	private ReadAccessTags()
	{
	}

	/** What is wrong with the read-access tags of a resource to be created or updated; empty if they are valid. */
	public static List<String> problems(Resource resource, AuthorizationContext context)
	{
		List<Coding> tags = tags(resource).toList();
		if (tags.isEmpty())
			return List.of("no read-access tag (" + SYSTEM + ")");

		List<String> problems = new ArrayList<>();

		long local = tags.stream().filter(t -> LOCAL.equals(t.getCode())).count();
		long all = tags.stream().filter(t -> ALL.equals(t.getCode())).count();
		if (local != 1 && !(all == 1 && tags.size() == 1))
			problems.add("read-access tags must be exactly one ALL alone, or exactly one LOCAL with any ORGANIZATION "
					+ "and ROLE tags; found " + tags.stream().map(Coding::getCode).toList());

		tags.stream().filter(t -> ORGANIZATION.equals(t.getCode()))
				.forEach(t -> organizationTagProblem(t, context).ifPresent(problems::add));
		tags.stream().filter(t -> ROLE.equals(t.getCode()))
				.forEach(t -> roleTagProblem(t, context).ifPresent(problems::add));

		return problems;
	}

	/**
	 * The tag that lets {@code identity} read {@code resource} (e.g. {@code ALL}, {@code ORGANIZATION Test_DIC_1}), or
	 * empty if none does.
	 */
	public static Optional<String> grantingTag(Identity identity, Resource resource, AuthorizationContext context)
	{
		List<Coding> tags = tags(resource).toList();

		if (tags.stream().anyMatch(t -> ALL.equals(t.getCode())))
			return Optional.of(ALL);
		if (identity.isLocal() && tags.stream().anyMatch(t -> LOCAL.equals(t.getCode())))
			return Optional.of(LOCAL);

		// ORGANIZATION and ROLE rows exist only for active organizations
		if (!identity.organization().getActive())
			return Optional.empty();

		String ownIdentifier = identity.organizationIdentifier();
		boolean namedOrganization = tags.stream().filter(t -> ORGANIZATION.equals(t.getCode()))
				.flatMap(t -> extensions(t.getExtension(), EXTENSION_ORGANIZATION)).map(Extension::getValue)
				.filter(Identifier.class::isInstance).map(Identifier.class::cast)
				.filter(i -> DsfIdentifiers.ORGANIZATION.equals(i.getSystem()))
				.anyMatch(i -> Objects.equals(i.getValue(), ownIdentifier));
		if (namedOrganization)
			return Optional.of(ORGANIZATION + " " + ownIdentifier);

		Supplier<List<Membership>> memberships = () -> Membership.allOf(identity.organization(), context).stream()
				.filter(Membership::parentActive).toList();
		return tags.stream().filter(t -> ROLE.equals(t.getCode()))
				.flatMap(t -> extensions(t.getExtension(), EXTENSION_ROLE))
				.flatMap(role -> roleGranted(role, memberships)).findFirst();
	}

	private static Stream<String> roleGranted(Extension role, Supplier<List<Membership>> memberships)
	{
		Optional<String> parent = extensions(role.getExtension(), EXTENSION_ROLE_PARENT_ORGANIZATION)
				.map(Extension::getValue).filter(Identifier.class::isInstance).map(Identifier.class::cast)
				.filter(i -> DsfIdentifiers.ORGANIZATION.equals(i.getSystem())).map(Identifier::getValue).findFirst();
		Optional<Coding> code = extensions(role.getExtension(), EXTENSION_ROLE_ORGANIZATION_ROLE)
				.map(Extension::getValue).filter(Coding.class::isInstance).map(Coding.class::cast).findFirst();
		if (parent.isEmpty() || code.isEmpty())
			return Stream.empty();

		boolean member = memberships.get().stream()
				.anyMatch(m -> m.is(parent.get(), code.get().getSystem(), code.get().getCode()));
		return member ? Stream.of(ROLE + " " + parent.get() + "/" + code.get().getCode()) : Stream.empty();
	}

	private static Optional<String> organizationTagProblem(Coding tag, AuthorizationContext context)
	{
		List<Extension> organizations = extensions(tag.getExtension(), EXTENSION_ORGANIZATION).toList();
		if (organizations.size() != 1)
			return Optional.of("read-access tag ORGANIZATION needs exactly one extension " + EXTENSION_ORGANIZATION);

		return organizationIdentifierProblem("read-access tag ORGANIZATION", organizations.get(0).getValue(),
				context);
	}

	private static Optional<String> roleTagProblem(Coding tag, AuthorizationContext context)
	{
		List<Extension> roles = extensions(tag.getExtension(), EXTENSION_ROLE).toList();
		if (roles.size() != 1)
			return Optional.of("read-access tag ROLE needs exactly one extension " + EXTENSION_ROLE);

		List<Extension> parts = roles.get(0).getExtension();
		List<Extension> parents = extensions(parts, EXTENSION_ROLE_PARENT_ORGANIZATION).toList();
		List<Extension> codes = extensions(parts, EXTENSION_ROLE_ORGANIZATION_ROLE).toList();
		if (parts.size() != 2 || parents.size() != 1 || codes.size() != 1)
			return Optional.of("read-access tag ROLE needs exactly the sub-extensions "
					+ EXTENSION_ROLE_PARENT_ORGANIZATION + " and " + EXTENSION_ROLE_ORGANIZATION_ROLE);

		Optional<String> parentProblem = organizationIdentifierProblem("read-access tag ROLE parent-organization",
				parents.get(0).getValue(), context);
		if (parentProblem.isPresent())
			return parentProblem;

		if (!(codes.get(0).getValue() instanceof Coding role) || !role.hasSystem() || !role.hasCode())
			return Optional.of("read-access tag ROLE organization-role needs a Coding with system and code");
		if (!roleCodeExists(role, context))
			return Optional.of("read-access tag ROLE references unknown role " + role.getSystem() + "|"
					+ role.getCode() + " (no CodeSystem with that concept)");

		return Optional.empty();
	}

	private static Optional<String> organizationIdentifierProblem(String where, Type value,
			AuthorizationContext context)
	{
		if (!(value instanceof Identifier identifier) || !DsfIdentifiers.isOrganizationIdentifier(identifier))
			return Optional.of(where + " needs an Identifier with system " + DsfIdentifiers.ORGANIZATION
					+ " and a value");
		if (context.organizationByIdentifier(identifier.getValue()).isEmpty())
			return Optional.of(where + " references unknown organization '" + identifier.getValue() + "'");
		return Optional.empty();
	}

	// DSF looks the role up as a concept of a stored CodeSystem (url, and version if the coding has one)
	private static boolean roleCodeExists(Coding role, AuthorizationContext context)
	{
		return context.resources("CodeSystem").stream().filter(CodeSystem.class::isInstance)
				.map(CodeSystem.class::cast).filter(cs -> role.getSystem().equals(cs.getUrl()))
				.filter(cs -> !role.hasVersion() || role.getVersion().equals(cs.getVersion()))
				.flatMap(cs -> cs.getConcept().stream()).map(ConceptDefinitionComponent::getCode)
				.anyMatch(role.getCode()::equals);
	}

	private static Stream<Coding> tags(Resource resource)
	{
		if (resource == null || !resource.hasMeta())
			return Stream.empty();
		return resource.getMeta().getTag().stream().filter(t -> SYSTEM.equals(t.getSystem()))
				.filter(t -> CODES.contains(t.getCode()));
	}

	private static Stream<Extension> extensions(List<Extension> extensions, String url)
	{
		return extensions.stream().filter(e -> url.equals(e.getUrl()));
	}
}
