/**
 * Periodic agentless inventories: a schedule's run hands each machine to the engine as an
 * {@code inventory-machine} process, no more at once than the schedule's concurrency, and
 * the run ends when the last of them has.
 */
package parc.orchestrator.periodicinventory;
