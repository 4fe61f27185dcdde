package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.Inclusion;
import java.util.List;

import org.dsftestbed.fhir.search.parameter.basic.CanonicalReferenceParameter;
import org.dsftestbed.fhir.search.parameter.basic.StoreOrder;
import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.Resource;

/**
 * {@code Measure.library} or a {@code depends-on} related artifact, by exact canonical URL. {@code _include} finds
 * Libraries by {@code Measure.library} only, as in DSF.
 */
public final class MeasureDependsOn extends CanonicalReferenceParameter<Measure>
{
	public MeasureDependsOn()
	{
		super(Measure.class, "depends-on", "Library");
	}

	@Override
	protected boolean matchesCanonical(Measure resource, String url)
	{
		return libraries(resource).contains(url) || resource.getRelatedArtifact().stream()
				.anyMatch(a -> a.getType() == RelatedArtifact.RelatedArtifactType.DEPENDSON && a.hasResource()
						&& url.equals(a.getResource()));
	}

	@Override
	protected Comparable<?> sortValueOf(Measure resource)
	{
		List<String> libraries = libraries(resource);
		return libraries.isEmpty() ? null : String.join(" ", libraries);
	}

	@Override
	public List<Inclusion> includes()
	{
		return List.of(new DependedOnLibrary());
	}

	private static final class DependedOnLibrary implements Inclusion
	{
		@Override
		public List<String> parameterValues()
		{
			return List.of("Measure:depends-on", "Measure:depends-on:Library");
		}

		@Override
		public List<Resource> resourcesFor(Resource match, ResourceStore store)
		{
			List<String> libraries = libraries((Measure) match);
			return StoreOrder.sorted(store.current("Library", l -> true).stream()
					.filter(l -> ((Library) l).hasUrl() && libraries.contains(((Library) l).getUrl())).toList());
		}
	}

	private static List<String> libraries(Measure resource)
	{
		return resource.getLibrary().stream().filter(CanonicalType::hasValue).map(CanonicalType::getValue).toList();
	}
}
