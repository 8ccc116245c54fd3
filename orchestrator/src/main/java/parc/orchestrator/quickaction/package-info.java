/**
 * Quick actions: predefined commands from a file administrators edit
 * ({@code <data>/quick-actions.yml}), and free commands, run now on one or many agentless
 * machines, with each machine's exit code and output kept in an action history.
 */
package parc.orchestrator.quickaction;
