/**
 * The {@code deliver-through-agent} process: a package offered to a machine's OCS agent,
 * and the wait for the agent's report.
 */
package parc.processes.deliverthroughagent;
