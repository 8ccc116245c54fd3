package parc.orchestrator.schedule;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import parc.orchestrator.machineimport.MachineImportService;

/**
 * The work of a housekeeping schedule: forgets what is past its retention. Each kind of
 * data forgotten is one step of the run's counts.
 */
@Component
class Housekeeping implements ScheduledWork {

	private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

	private final MachineImportService imports;

	private final Clock clock;

	Housekeeping(MachineImportService imports, Optional<Clock> clock) {
		this.imports = imports;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public ScheduleKind kind() {
		return ScheduleKind.HOUSEKEEPING;
	}

	@Override
	public Result run(Schedule schedule, long runId, Progress progress) {
		progress.counts(new ScheduleRun.Counts(1, 0, 0));
		int forgotten = this.imports.forgetOldImports(this.clock.instant());
		log.info("Housekeeping: forgot {} machine import(s) older than the kept days", forgotten);
		return Result.finished(new ScheduleRun.Counts(1, 1, 0));
	}

}
