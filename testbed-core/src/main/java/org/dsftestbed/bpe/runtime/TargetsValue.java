package org.dsftestbed.bpe.runtime;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.dsf.bpe.v1.variables.Target;
import dev.dsf.bpe.v1.variables.Targets;

/**
 * DSF's Targets: an immutable list of {@link TargetValue}s; removing gives a new instance. Stored as JSON like DSF's
 * {@code TargetsImpl}: {@code {"entries":[..]}}, nothing for no entries.
 */
public record TargetsValue(List<TargetValue> entries) implements Targets
{
	@JsonCreator
	public TargetsValue(@JsonProperty("entries") List<TargetValue> entries)
	{
		this.entries = entries == null ? List.of() : List.copyOf(entries);
	}

	@Override
	@JsonProperty("entries")
	public List<Target> getEntries()
	{
		return List.copyOf(entries);
	}

	@Override
	public Targets removeByEndpointIdentifierValue(Target target)
	{
		return target == null ? this : removeByEndpointIdentifierValue(target.getEndpointIdentifierValue());
	}

	@Override
	public Targets removeByEndpointIdentifierValue(String endpointIdentifierValue)
	{
		return endpointIdentifierValue == null ? this : removeAllByEndpointIdentifierValue(List.of(endpointIdentifierValue));
	}

	@Override
	public Targets removeAllByEndpointIdentifierValue(Collection<String> endpointIdentifierValues)
	{
		if (endpointIdentifierValues == null)
			return this;
		return new TargetsValue(entries.stream()
				.filter(t -> !endpointIdentifierValues.contains(t.endpointIdentifierValue())).toList());
	}

	@Override
	@JsonIgnore
	public boolean isEmpty()
	{
		return entries.isEmpty();
	}

	public int size()
	{
		return entries.size();
	}

	@Override
	public String toString()
	{
		return "Targets" + Objects.toString(entries);
	}
}
