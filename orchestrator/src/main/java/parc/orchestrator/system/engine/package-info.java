/**
 * Camunda engine glue: the read-only identity provider that lets the Camunda webapps
 * (Cockpit, Tasklist, Admin) log in with Parc's own accounts, so there is one identity
 * for the console and Camunda.
 */
package parc.orchestrator.system.engine;
