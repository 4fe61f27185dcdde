package org.dsftestbed.fhir.server;

import java.util.List;
import java.util.Objects;

import org.dsftestbed.fhir.authorization.TaskInputs;

/**
 * A Task as one create or update stored it: enough for a run recording to follow the Task's states and show its
 * outcome, without keeping the resource.
 *
 * @param id
 *            the Task's id on the server that stored it
 * @param version
 *            its {@code meta.versionId} after the write
 * @param status
 *            its status code, e.g. {@code requested}, {@code in-progress}, {@code completed}, {@code failed}
 * @param instantiatesCanonical
 *            the process it starts or continues, e.g. {@code http://dsf.dev/bpe/Process/ping|1.0}, or {@code null}
 * @param messageName
 *            input {@code bpmn-message#message-name}, or {@code null}
 * @param businessKey
 *            input {@code bpmn-message#business-key}, or {@code null}
 * @param correlationKey
 *            input {@code bpmn-message#correlation-key}, or {@code null}
 * @param outputs
 *            the Task's outputs in order, DSF's {@code bpmn-message#error} outputs included
 */
public record TaskSnapshot(String id, String version, String status, String instantiatesCanonical,
		String messageName, String businessKey, String correlationKey, List<Output> outputs)
{
	/** Output code DSF's BPE writes failure reasons to (CodeSystem {@value TaskInputs#BPMN_MESSAGE}). */
	public static final String ERROR_OUTPUT = "error";

	/**
	 * One Task output.
	 *
	 * @param value
	 *            the value as text: a primitive's value, a Reference's reference or identifier, or the value's FHIR
	 *            type for anything else
	 */
	public record Output(String system, String code, String value)
	{
		public boolean isError()
		{
			return TaskInputs.BPMN_MESSAGE.equals(system) && ERROR_OUTPUT.equals(code);
		}
	}

	public TaskSnapshot
	{
		Objects.requireNonNull(id, "id");
		outputs = List.copyOf(outputs);
	}

	/** The values of the {@code bpmn-message#error} outputs, in order: why DSF's BPE failed the Task. */
	public List<String> errors()
	{
		return outputs.stream().filter(Output::isError).map(Output::value).toList();
	}
}
