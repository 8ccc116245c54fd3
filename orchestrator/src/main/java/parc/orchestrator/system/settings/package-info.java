/**
 * Server-wide settings that administrators change in the console, kept in PostgreSQL so
 * that every node of a cluster reads the same ones.
 */
package parc.orchestrator.system.settings;
