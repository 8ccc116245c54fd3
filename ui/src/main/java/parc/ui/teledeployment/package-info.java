/**
 * Teledeployment in the console and the API: the deployment server's certificates and CA,
 * and the agents' download settings.
 */
package parc.ui.teledeployment;
