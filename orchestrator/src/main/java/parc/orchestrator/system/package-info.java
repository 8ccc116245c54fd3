/**
 * Technical glue shared by every feature: Parc's own settings, the database (embedded
 * PostgreSQL by default), web security and paging. No business rules live here, and
 * nothing here depends on a feature package.
 */
package parc.orchestrator.system;
