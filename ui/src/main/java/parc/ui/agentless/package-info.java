/**
 * Agentless actions in the console and the API: status lights, inventory now,
 * Wake-on-LAN, host keys and the agentless settings.
 */
package parc.ui.agentless;
