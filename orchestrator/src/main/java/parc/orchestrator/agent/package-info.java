/**
 * Parc as the server of OCS Inventory NG agents: when an agent may send an inventory
 * (FREQUENCY, PROLOG_FREQ, per-machine overrides), who may talk to the agent endpoint
 * (HTTP Basic credentials, source networks), and the deployment results agents report.
 * The wire protocol itself is the {@code ocs-agent} library's, wired in {@code routes}.
 */
package parc.orchestrator.agent;
