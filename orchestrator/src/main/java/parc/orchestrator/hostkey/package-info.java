/**
 * SSH host keys of agentless machines: the key recorded at first contact (trusted, or
 * pending an administrator's approval), and a different key a server presented later,
 * kept beside it until an administrator accepts or ignores it.
 */
package parc.orchestrator.hostkey;
