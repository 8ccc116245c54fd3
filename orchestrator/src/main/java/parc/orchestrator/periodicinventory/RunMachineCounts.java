package parc.orchestrator.periodicinventory;

import parc.orchestrator.schedule.ScheduleRun;

/**
 * Where the machines of a run stand.
 *
 * @param planned all of them
 * @param done inventoried
 * @param failed not inventoried after every attempt
 * @param left waiting for a place or being inventoried
 */
record RunMachineCounts(int planned, int done, int failed, int left) {

	ScheduleRun.Counts counts() {
		return new ScheduleRun.Counts(this.planned, this.done, this.failed);
	}

}
