/**
 * Deployments in the console and the API: launch, follow, pause, resume, stop, retry,
 * logs and reports.
 */
package parc.ui.deployment;
