package org.dsftestbed.bpe.state;

import java.util.Objects;

import org.dsftestbed.bpe.plugin.ProcessIdAndVersion;

/**
 * What a BPE start did to one process: the state recorded by the last start ({@link ProcessState#NEW} if none) and the
 * one this start decided (DSF's {@code ProcessStateChangeOutcome}).
 */
public record ProcessStateChange(ProcessIdAndVersion process, ProcessState oldState, ProcessState newState)
{
	public ProcessStateChange
	{
		Objects.requireNonNull(process, "process");
		Objects.requireNonNull(oldState, "oldState");
		Objects.requireNonNull(newState, "newState");
	}

	/** Whether the process can be started and correlated after this start: ACTIVE or DRAFT. */
	public boolean deployed()
	{
		return newState == ProcessState.ACTIVE || newState == ProcessState.DRAFT;
	}

	@Override
	public String toString()
	{
		return process + ": " + oldState + " -> " + newState;
	}
}
