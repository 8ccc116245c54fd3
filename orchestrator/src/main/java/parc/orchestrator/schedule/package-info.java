/**
 * Schedules: periodic work that Quartz fires (agentless inventories, network sweeps,
 * housekeeping), when it may run ({@link parc.orchestrator.schedule.ScheduleRecurrence},
 * {@link parc.orchestrator.schedule.AllowedHours}) and what each run did.
 */
package parc.orchestrator.schedule;
