package parc.orchestrator.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import parc.orchestrator.filepull.FilePullService;
import parc.orchestrator.inventory.InventoryService;
import parc.orchestrator.machineimport.MachineImportService;
import parc.orchestrator.quickaction.QuickActionService;

/**
 * The work of a housekeeping schedule: forgets what is past its retention. Each kind of
 * data forgotten is one step of the run's counts; a step that fails is counted failed and
 * the others still run.
 */
@Component
@EnableConfigurationProperties(HousekeepingProperties.class)
class Housekeeping implements ScheduledWork {

	private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

	private final MachineImportService imports;

	private final InventoryService inventories;

	private final QuickActionService quickActions;

	private final FilePullService filePulls;

	private final HousekeepingProperties properties;

	private final Clock clock;

	Housekeeping(MachineImportService imports, InventoryService inventories, QuickActionService quickActions,
			FilePullService filePulls, HousekeepingProperties properties, Optional<Clock> clock) {
		this.imports = imports;
		this.inventories = inventories;
		this.quickActions = quickActions;
		this.filePulls = filePulls;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public ScheduleKind kind() {
		return ScheduleKind.HOUSEKEEPING;
	}

	@Override
	public Result run(Schedule schedule, long runId, Progress progress) {
		Instant now = this.clock.instant();
		Step[] steps = { new Step("machine import(s)", () -> this.imports.forgetOldImports(now)),
				new Step("inventory change(s)",
						() -> this.inventories
							.forgetChangesBefore(daysBefore(now, this.properties.inventoryHistoryDays()))),
				new Step("quick-action run(s)",
						() -> this.quickActions.forgetRunsBefore(daysBefore(now, this.properties.quickActionDays()))),
				new Step("pulled file(s)",
						() -> this.filePulls.forgetFinishedBefore(daysBefore(now, this.properties.pulledFileDays()))) };
		int done = 0;
		int failed = 0;
		String firstError = null;
		progress.counts(new ScheduleRun.Counts(steps.length, 0, 0));
		for (Step step : steps) {
			try {
				log.info("Housekeeping: forgot {} {} past their retention", step.forget().getAsInt(), step.what());
				done++;
			}
			catch (RuntimeException ex) {
				log.warn("Housekeeping: could not forget old {}", step.what(), ex);
				failed++;
				firstError = (firstError != null) ? firstError : step.what() + ": " + ex.getMessage();
			}
			progress.counts(new ScheduleRun.Counts(steps.length, done, failed));
		}
		if (firstError != null) {
			throw new IllegalStateException(firstError);
		}
		return Result.finished(new ScheduleRun.Counts(steps.length, done, failed));
	}

	private static Instant daysBefore(Instant now, int days) {
		return now.minus(Duration.ofDays(days));
	}

	private record Step(String what, IntSupplier forget) {

	}

}
