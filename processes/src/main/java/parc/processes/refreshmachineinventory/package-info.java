/**
 * The {@code refresh-machine-inventory} process: the inventory phase of a deployment, the
 * shared phase shape.
 */
package parc.processes.refreshmachineinventory;
