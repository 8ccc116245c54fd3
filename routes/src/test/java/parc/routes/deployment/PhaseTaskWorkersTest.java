package parc.routes.deployment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import parc.orchestrator.cluster.WorkCounters;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.PhaseResult;
import parc.orchestrator.deployment.PhaseTask;
import parc.orchestrator.deployment.PhaseTaskService;
import parc.orchestrator.deployment.PhaseWork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * The lock renewals of the phase workers, with the engine's side played by a mock: a
 * renewal that collides with the task's completion cannot be produced on time for real.
 */
class PhaseTaskWorkersTest {

	private final PhaseTaskService tasks = mock(PhaseTaskService.class);

	private final PhaseTask task = new PhaseTask("task-1", "node-a",
			new PhaseWork("run-1", 7, "srv-1", 11, DeploymentPhase.TRANSFER, null, 1), Instant.now(), null);

	@BeforeEach
	void engineRefusesEveryRenewal() {
		given(this.tasks.lockDuration()).willReturn(Duration.ofMinutes(5));
		given(this.tasks.renew(eq(this.task), any())).willReturn(false);
		given(this.tasks.fetch("node-a", 2)).willReturn(List.of(this.task));
	}

	private PhaseTaskWorkers workers(PhaseWorkRunner runner) {
		PhaseTaskWorkers workers = new PhaseTaskWorkers(this.tasks, runner, 2, "", "node-a", new WorkCounters());
		assertThat(workers.fetch()).containsExactly(this.task);
		return workers;
	}

	@Test
	void shouldCallATaskLostWhenItsLockIsGoneWhileItIsWorkedOn() {
		AtomicInteger lost = new AtomicInteger(-1);
		PhaseTaskWorkers[] holder = new PhaseTaskWorkers[1];
		holder[0] = workers((task) -> {
			lost.set(holder[0].renewLocks());
			return PhaseResult.done();
		});

		holder[0].work(this.task);

		assertThat(lost).hasValue(1);
	}

	@Test
	void shouldNotCallATaskLostWhenItsRenewalMeetsItsCompletion() {
		AtomicInteger lost = new AtomicInteger(-1);
		PhaseTaskWorkers workers = workers((task) -> PhaseResult.done());
		given(this.tasks.complete(eq(this.task), any())).willAnswer((invocation) -> {
			lost.set(workers.renewLocks());
			return true;
		});

		workers.work(this.task);

		verify(this.tasks).complete(eq(this.task), any());
		assertThat(lost).as("the renewal ran while the task was being completed").hasValue(0);
		assertThat(workers.inFlight()).isZero();
	}

}
