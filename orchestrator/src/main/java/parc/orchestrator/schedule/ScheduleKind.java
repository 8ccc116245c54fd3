package parc.orchestrator.schedule;

/** What a schedule runs. */
public enum ScheduleKind {

	/** Refreshes the inventory of agentless machines over SSH. */
	AGENTLESS_INVENTORY,

	/** Sweeps networks for devices. */
	NETWORK_SWEEP,

	/** Forgets what is past its retention. */
	HOUSEKEEPING

}
