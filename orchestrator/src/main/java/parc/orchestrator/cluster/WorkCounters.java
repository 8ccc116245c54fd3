package parc.orchestrator.cluster;

import java.time.Clock;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What this node worked in the last minute, as its heartbeat reports it: engine jobs
 * (timers, continuations), phase tasks (a machine's transfer, command, deletion...) and
 * scheduled jobs that fired here. Thread-safe.
 */
@Component
public class WorkCounters {

	private final MinuteCounter engineJobs;

	private final MinuteCounter phaseTasks;

	private final MinuteCounter scheduleJobs;

	/** On the system clock. */
	public WorkCounters() {
		this(Optional.empty());
	}

	@Autowired
	WorkCounters(Optional<Clock> clock) {
		Clock time = clock.orElse(Clock.systemUTC());
		this.engineJobs = new MinuteCounter(() -> time.instant().getEpochSecond());
		this.phaseTasks = new MinuteCounter(() -> time.instant().getEpochSecond());
		this.scheduleJobs = new MinuteCounter(() -> time.instant().getEpochSecond());
	}

	public void engineJobRun() {
		this.engineJobs.add();
	}

	public void phaseTaskWorked() {
		this.phaseTasks.add();
	}

	public void scheduleJobFired() {
		this.scheduleJobs.add();
	}

	int engineJobsLastMinute() {
		return this.engineJobs.lastMinute();
	}

	int phaseTasksLastMinute() {
		return this.phaseTasks.lastMinute();
	}

	int scheduleJobsLastMinute() {
		return this.scheduleJobs.lastMinute();
	}

}
