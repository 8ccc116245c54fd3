/**
 * The {@code inventory-machine} process: one machine of a periodic agentless inventory.
 */
package parc.processes.inventorymachine;
