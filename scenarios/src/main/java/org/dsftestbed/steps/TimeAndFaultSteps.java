package org.dsftestbed.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Steps that move the network's simulated time and inject faults; they change the network for later scenarios. */
public class TimeAndFaultSteps
{
	private final TestbedWorld world;

	public TimeAndFaultSteps(TestbedWorld world)
	{
		this.world = world;
	}

	@When("time advances by {int} {word}")
	public void timeAdvancesBy(int amount, String unit)
	{
		NetworkHolder.markChanged();
		world.network().clock().advance(Duration.of(amount, unit(unit)));
	}

	private static ChronoUnit unit(String word)
	{
		return switch (word.endsWith("s") ? word.substring(0, word.length() - 1) : word)
		{
			case "second" -> ChronoUnit.SECONDS;
			case "minute" -> ChronoUnit.MINUTES;
			case "hour" -> ChronoUnit.HOURS;
			case "day" -> ChronoUnit.DAYS;
			default -> throw new IllegalArgumentException(
					"unknown time unit '" + word + "'; use seconds, minutes, hours or days");
		};
	}

	@When("{string} goes offline")
	public void goesOffline(String organization)
	{
		NetworkHolder.markChanged();
		world.network().faults().takeOffline(world.organization(organization).identifier());
	}

	@When("{string} comes back online")
	public void comesBackOnline(String organization)
	{
		world.network().faults().bringOnline(world.organization(organization).identifier());
	}

	@When("{string} answers with a latency of {int} ms")
	public void answersWithALatencyOf(String organization, int millis)
	{
		NetworkHolder.markChanged();
		world.network().faults().setLatency(world.organization(organization).identifier(), Duration.ofMillis(millis));
	}

	@When("{string} is removed from the allow lists")
	public void isRemovedFromTheAllowLists(String organization)
	{
		NetworkHolder.markChanged();
		world.network().faults().removeFromAllowLists(world.organization(organization).identifier());
	}

	@When("the client certificate of {string} expires")
	public void theClientCertificateExpires(String organization)
	{
		NetworkHolder.markChanged();
		world.network().faults().expireClientCertificate(world.organization(organization).identifier());
	}

	@When("the BPE of {string} stops taking Tasks")
	public void theBpeStopsTakingTasks(String organization)
	{
		NetworkHolder.markChanged();
		world.network().faults().pauseBpe(world.organization(organization).identifier());
	}

	@When("the BPE of {string} takes Tasks again")
	public void theBpeTakesTasksAgain(String organization)
	{
		world.network().faults().resumeBpe(world.organization(organization).identifier());
	}

	/** {@code from} reads the CapabilityStatement of {@code to}'s FHIR server with its client certificate. */
	@Then("{string} can reach {string}")
	public void canReach(String from, String to)
	{
		Reachability result = Reachability.check(world.organization(from), world.organization(to));
		assertThat(result.reachable()).as(from + " → " + to + ": " + result.detail()).isTrue();
	}

	@Then("{string} cannot reach {string}")
	public void cannotReach(String from, String to)
	{
		Reachability result = Reachability.check(world.organization(from), world.organization(to));
		assertThat(result.reachable()).as(from + " → " + to + ": " + result.detail()).isFalse();
	}
}
