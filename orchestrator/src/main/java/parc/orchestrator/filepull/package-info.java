/**
 * File pulls (Pulse 2's tele-diagnostic): fetch the first file of a machine's diagnostic
 * folder in the background, keep it in the data folder, list, download, delete or cancel.
 */
package parc.orchestrator.filepull;
