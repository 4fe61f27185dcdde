package org.dsftestbed.runtime.container;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which images the container runtime boots an organization from ({@code --images}).
 * <ul>
 * <li>{@link #SIMULATED}: the project's own organization image, one container per organization, with a control
 * endpoint for the network faults and simulated time.</li>
 * <li>{@link #DSF}: the real DSF images (FHIR server and BPE per organization, one PostgreSQL server per network);
 * simulated time, BPE pauses and the other control-endpoint faults cannot be driven inside them.</li>
 * </ul>
 */
public enum ImageSet
{
	SIMULATED, DSF;

	/** How {@code --images} names it. */
	public String optionValue()
	{
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws IllegalArgumentException
	 *             naming the value and the known ones
	 */
	public static ImageSet of(String value)
	{
		for (ImageSet set : values())
			if (set.optionValue().equals(value == null ? null : value.strip().toLowerCase(Locale.ROOT)))
				return set;
		throw new IllegalArgumentException("unknown image set '" + value + "'; known: "
				+ Arrays.stream(values()).map(ImageSet::optionValue).collect(Collectors.joining(", ")));
	}
}
