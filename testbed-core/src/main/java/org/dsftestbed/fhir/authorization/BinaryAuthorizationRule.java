package org.dsftestbed.fhir.authorization;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dsftestbed.fhir.authorization.lookup.ReferenceTargets;
import org.dsftestbed.fhir.authorization.read.ReadAccessTags;
import org.dsftestbed.fhir.identity.Identity;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Resource;

/**
 * Binary: read access comes <i>either</i> from its own read-access tag <i>or</i> from its {@code securityContext} — a
 * literal internal or logical reference to a stored resource of a supported type — never both. Whoever may read the
 * security-context resource (by that resource's tags) may read the Binary.
 */
public final class BinaryAuthorizationRule extends MetaTagAuthorizationRule<Binary>
{
	private final Set<String> securityContextTypes;

	/**
	 * @param securityContextTypes
	 *            types a securityContext may point to; in DSF every type with a rule except Binary and Task
	 */
	public BinaryAuthorizationRule(Set<String> securityContextTypes)
	{
		super(Binary.class);
		this.securityContextTypes = Set.copyOf(securityContextTypes);
	}

	@Override
	protected List<String> readAccessProblems(Binary resource, AuthorizationContext context)
	{
		boolean validTag = ReadAccessTags.problems(resource, context).isEmpty();
		boolean validSecurityContext = securityContext(resource, context).isPresent();

		if (!validTag && !validSecurityContext)
			return List.of("Binary needs a valid read-access tag or a securityContext referencing a stored resource of "
					+ "type " + securityContextTypes.stream().sorted().toList());
		if (validTag && validSecurityContext)
			return List.of("Binary must not have both a valid read-access tag and a valid securityContext");
		return List.of();
	}

	@Override
	protected Optional<String> grantingReadAccess(Identity identity, Binary existing, AuthorizationContext context)
	{
		Optional<String> ownTag = ReadAccessTags.grantingTag(identity, existing, context);
		if (ownTag.isPresent())
			return ownTag;

		return securityContext(existing, context)
				.flatMap(target -> ReadAccessTags.grantingTag(identity, target, context).map(tag -> tag
						+ " of securityContext " + target.fhirType() + "/" + target.getIdElement().getIdPart()));
	}

	// Binaries are created by local identities only, which see every stored resource a securityContext may name
	private Optional<Resource> securityContext(Binary binary, AuthorizationContext context)
	{
		if (!binary.hasSecurityContext())
			return Optional.empty();
		return ReferenceTargets.resolve(binary.getSecurityContext(), context, target -> true)
				.filter(target -> securityContextTypes.contains(target.fhirType()));
	}
}
