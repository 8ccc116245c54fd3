/**
 * Technical glue shared by every feature: Parc's own settings, the database (embedded
 * PostgreSQL by default), the Camunda engine's identity bridge, web security and paging.
 * No business rules live here.
 */
package parc.orchestrator.system;
