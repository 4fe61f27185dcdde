package org.dsftestbed.bpe.state;

/**
 * A process's deployment state as the BPE keeps it per {@code id|version} (spec §5.4). {@link #NEW} and
 * {@link #MISSING} only occur as the old state: never deployed before, or believed deployed but absent from the FHIR
 * server.
 */
public enum ProcessState
{
	MISSING(-1), NEW(-1), ACTIVE(3), DRAFT(2), RETIRED(1), EXCLUDED(0);

	private final int rank;

	ProcessState(int rank)
	{
		this.rank = rank;
	}

	/** Whether this state wins over {@code other} when processes share a resource. */
	public boolean outranks(ProcessState other)
	{
		return rank > other.rank;
	}
}
