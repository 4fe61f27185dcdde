package org.dsftestbed.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NetworkClockTest
{
	@Test
	void followsRealTimeUntilAdvanced()
	{
		NetworkClock clock = new NetworkClock();

		Instant before = Instant.now();
		Instant simulated = clock.instant();
		Instant after = Instant.now();

		assertThat(clock.offset()).isZero();
		assertThat(simulated).isBetween(before.truncatedTo(ChronoUnit.MILLIS), after);
	}

	@Test
	void advanceMovesSimulatedTimeAhead()
	{
		NetworkClock clock = new NetworkClock();

		clock.advance(Duration.ofMinutes(45));

		assertThat(clock.offset()).isEqualTo(Duration.ofMinutes(45));
		Instant realNow = Instant.now();
		assertThat(clock.instant()).isBetween(realNow.plus(Duration.ofMinutes(45)).minusSeconds(1),
				realNow.plus(Duration.ofMinutes(45)).plusSeconds(1));
		assertThat(clock.millis()).isCloseTo(clock.instant().toEpochMilli(), org.assertj.core.data.Offset.offset(1000L));
	}

	@Test
	void advancesAddUp()
	{
		NetworkClock clock = new NetworkClock();

		clock.advance(Duration.ofMinutes(4));
		clock.advance(Duration.ofMinutes(1));
		clock.advance(Duration.ZERO);

		assertThat(clock.offset()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void timeNeverMovesBackwards()
	{
		NetworkClock clock = new NetworkClock();

		assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("only moves forward");
		assertThat(clock.offset()).isZero();
	}

	@Test
	void listenersRunAfterTheTimeMovedAndUntilRemoved()
	{
		NetworkClock clock = new NetworkClock();
		List<Duration> seenOffsets = new ArrayList<>();
		List<Duration> amounts = new ArrayList<>();

		NetworkClock.Registration registration = clock.onAdvance(amount ->
		{
			amounts.add(amount);
			seenOffsets.add(clock.offset());
		});
		clock.advance(Duration.ofMinutes(5));
		registration.close();
		clock.advance(Duration.ofMinutes(1));

		assertThat(amounts).containsExactly(Duration.ofMinutes(5));
		assertThat(seenOffsets).containsExactly(Duration.ofMinutes(5));
	}

	@Test
	void aFailingListenerDoesNotStopTheOthers()
	{
		NetworkClock clock = new NetworkClock();
		List<String> calls = new ArrayList<>();
		clock.onAdvance(amount ->
		{
			throw new IllegalStateException("boom");
		});
		clock.onAdvance(amount -> calls.add("second"));

		assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(1))).hasMessage("boom");
		assertThat(calls).containsExactly("second");
		assertThat(clock.offset()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void startingAtAFixedInstantRunsOnFromThere()
	{
		Instant start = Instant.parse("2026-01-01T08:00:00Z");
		NetworkClock clock = NetworkClock.startingAt(start);

		assertThat(clock.instant()).isBetween(start, start.plusSeconds(5));

		clock.advance(Duration.ofDays(1));
		assertThat(clock.instant()).isBetween(start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(1)).plusSeconds(5));
	}

	@Test
	void zonedViewFollowsAdvances()
	{
		NetworkClock clock = new NetworkClock();
		Clock berlin = clock.withZone(ZoneId.of("Europe/Berlin"));

		clock.advance(Duration.ofHours(2));

		assertThat(berlin.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
		assertThat(berlin.instant()).isAfterOrEqualTo(Instant.now().plus(Duration.ofHours(2)).minusSeconds(1));
		assertThat(clock.withZone(clock.getZone())).isSameAs(clock);
	}
}
