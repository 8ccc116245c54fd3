/**
 * Camel routes that implement the orchestrator's ports: agent HTTP, SSH push and pull,
 * CSV imports. One {@code RouteBuilder} per concern, in {@code parc.routes.<concern>}.
 */
package parc.routes;
