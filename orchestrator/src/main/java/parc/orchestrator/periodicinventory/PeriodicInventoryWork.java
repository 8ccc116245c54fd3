package parc.orchestrator.periodicinventory;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import parc.orchestrator.group.GroupService;
import parc.orchestrator.schedule.Schedule;
import parc.orchestrator.schedule.ScheduleKind;
import parc.orchestrator.schedule.ScheduleRun;
import parc.orchestrator.schedule.ScheduleService;
import parc.orchestrator.schedule.ScheduledWork;

/**
 * The work of an agentless inventory schedule: lists the machines, starts the first of
 * their processes and hands the run to the engine. The Quartz thread is free again at
 * once; the processes finish the run.
 */
@Component
class PeriodicInventoryWork implements ScheduledWork {

	private static final Logger log = LoggerFactory.getLogger(PeriodicInventoryWork.class);

	private final PeriodicInventoryService inventories;

	private final GroupService groups;

	private final ScheduleService schedules;

	PeriodicInventoryWork(PeriodicInventoryService inventories, GroupService groups, ScheduleService schedules) {
		this.schedules = schedules;
		this.inventories = inventories;
		this.groups = groups;
	}

	@Override
	public ScheduleKind kind() {
		return ScheduleKind.AGENTLESS_INVENTORY;
	}

	@Override
	public Result run(Schedule schedule, long runId, Progress progress) {
		List<Long> among = (schedule.target().groupId() != null) ? this.groups.memberIdsOf(schedule.target().groupId())
				: null;
		PeriodicInventoryService.Planned planned = this.inventories.plan(runId, among);
		if (planned.busy() > 0) {
			log.info("Schedule {} ({}): {} machine(s) left out of run {}, being inventoried already", schedule.id(),
					schedule.name(), planned.busy(), runId);
		}
		ScheduleRun.Counts counts = new ScheduleRun.Counts(planned.count(), 0, 0);
		if (planned.count() == 0) {
			return Result.finished(counts);
		}
		progress.counts(counts);
		this.inventories.startWaiting(runId, schedule.concurrency(), requestedBy(schedule));
		return Result.handedOver(counts);
	}

	@Override
	public void repair(Schedule schedule) {
		this.schedules.runningRun(schedule.id())
			.ifPresent((run) -> this.inventories.repair(run.id(), requestedBy(schedule)));
	}

	/** How the machine's inventory collections show who asked. */
	static String requestedBy(Schedule schedule) {
		return "schedule " + schedule.name();
	}

}
