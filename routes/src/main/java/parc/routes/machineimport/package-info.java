/**
 * CSV imports of machines (issue #7): the watched folder and the queue that runs uploads,
 * around {@link parc.orchestrator.machineimport.MachineImportService}.
 */
package parc.routes.machineimport;
