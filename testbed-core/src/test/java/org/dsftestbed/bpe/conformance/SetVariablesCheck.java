package org.dsftestbed.bpe.conformance;

import static org.dsftestbed.bpe.conformance.Expect.equal;
import static org.dsftestbed.bpe.conformance.Expect.throwsA;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.variables.Target;
import dev.dsf.bpe.v1.variables.Targets;
import dev.dsf.bpe.v1.variables.Variables;

/**
 * First half of the {@code Variables} activity: sets variables of every kind the API offers. {@link ReadVariablesCheck}
 * reads them after an asynchronous continuation, i.e. from the engine's database.
 */
public class SetVariablesCheck extends ConformanceActivity
{
	public SetVariablesCheck(ProcessPluginApi api)
	{
		super(api);
	}

	/** A variable of every type, as {@link ReadVariablesCheck} expects them. */
	static final class Values
	{
		static final String STRING = "a string";
		static final int INTEGER = 4711;
		static final long LONG = 1L << 40;
		static final short SHORT = 7;
		static final double DOUBLE = 0.25;
		static final byte[] BYTES = { 1, 2, 3 };
		static final java.util.Date DATE = new java.util.Date(1_700_000_000_000L);
		static final String PATIENT_FAMILY = "Conformance";

		static Target target(Variables variables, String correlationKey)
		{
			return variables.createTarget(ConformanceNetwork.EXTERNAL, ConformanceNetwork.EXTERNAL_ENDPOINT,
					"https://external.example/fhir", correlationKey);
		}

		private Values()
		{
		}
	}

	@Override
	protected void addChecks(Checks checks, DelegateExecution execution, Variables variables)
	{
		checks.add("setPrimitiveValues", () ->
		{
			variables.setString("conformance.string", Values.STRING);
			variables.setInteger("conformance.integer", Values.INTEGER);
			variables.setLong("conformance.long", Values.LONG);
			variables.setShort("conformance.short", Values.SHORT);
			variables.setDouble("conformance.double", Values.DOUBLE);
			variables.setBoolean("conformance.boolean", true);
			variables.setByteArray("conformance.bytes", Values.BYTES);
			variables.setDate("conformance.date", Values.DATE);
			equal(Values.STRING, variables.getString("conformance.string"));
		}).add("setResourceAndResourceList", () ->
		{
			Patient patient = new Patient();
			patient.addName().setFamily(Values.PATIENT_FAMILY);
			variables.setResource("conformance.resource", patient);
			variables.setResourceList("conformance.resources",
					List.of(new Organization().setName("one"), new Patient().setActive(true)));
		}).add("setTargetAndTargets", () ->
		{
			Target withKey = Values.target(variables, "correlation-1");
			variables.setTarget(withKey);
			Targets targets = variables.createTargets(withKey,
					variables.createTarget(ConformanceNetwork.LOCAL, ConformanceNetwork.LOCAL_ENDPOINT,
							api.getEndpointProvider().getLocalEndpointAddress()));
			variables.setTargets(targets);
			equal(2, variables.getTargets().getEntries().size());
		}).add("setPluginValue", () -> variables.setVariable("conformance.own",
				ConformanceValueSerializer.typed(new ConformanceValueSerializer.Value("own", 3))))
				.add("setAlternativeBusinessKey", () -> variables.setAlternativeBusinessKey("alternative-key"))
				.add("setNumberOfAbstractTypeRejectedByCamunda",
						() -> throwsA(ProcessEngineException.class,
								() -> variables.setNumber("conformance.number", Values.INTEGER)))
				.add("foreignTargetsRejected", () ->
				{
					Target foreign = new Target()
					{
						@Override
						public String getOrganizationIdentifierValue()
						{
							return "x";
						}

						@Override
						public String getEndpointIdentifierValue()
						{
							return "y";
						}

						@Override
						public String getEndpointUrl()
						{
							return "https://z/fhir";
						}

						@Override
						public String getCorrelationKey()
						{
							return null;
						}
					};
					throwsA(IllegalArgumentException.class, () -> variables.setTarget(foreign));
					throwsA(IllegalArgumentException.class, () -> variables.createTargets(foreign));
				});
	}
}
