/**
 * Who may reach what over HTTP: form login for the console, HTTP Basic for {@code /api}
 * and {@code /engine-rest}, the Camunda webapps' own login (backed by the same accounts),
 * and the public health endpoint.
 */
package parc.orchestrator.system.security;
