/**
 * Discovery: sweeps of networks and scans of one address from the server (through the
 * {@link parc.orchestrator.discovery.AddressProber} port), devices reported by OCS
 * agents' IPDISCOVER, each found device classified, matched to known machines, identified
 * or made a machine by admins, and marked absent when it stops answering.
 */
package parc.orchestrator.discovery;
