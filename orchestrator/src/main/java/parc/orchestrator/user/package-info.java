/**
 * Parc's user accounts: who may log in to the console, the REST API and the Camunda
 * webapps, with which role ({@code ADMIN} changes things, {@code USER} only looks), and
 * the administrator created on first start. This is the single identity store; Camunda
 * reads it through {@code parc.orchestrator.system.engine}.
 */
package parc.orchestrator.user;
