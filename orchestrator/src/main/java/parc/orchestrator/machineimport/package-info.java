/**
 * CSV imports of machines into the registry (issue #7): reading a file row by row into a
 * staging table, checking it as a whole, applying the good rows or none, and the per-row
 * report. The watched folder and the asynchronous run are routes in the routes module,
 * reached through {@link parc.orchestrator.machineimport.MachineImportGateway}.
 */
package parc.orchestrator.machineimport;
