/**
 * Parc's accounts as the Camunda engine sees them: a read-only identity provider, so that
 * Cockpit, Tasklist and Admin log in with the same accounts as the console, and the
 * authorizations that map Parc's roles to Camunda rights.
 */
package parc.orchestrator.user.camunda;
