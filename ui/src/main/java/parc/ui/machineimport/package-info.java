/**
 * CSV imports of machines in the console ({@code /machines/import}) and the REST API
 * ({@code /api/machine-imports}) (issue #7).
 */
package parc.ui.machineimport;
