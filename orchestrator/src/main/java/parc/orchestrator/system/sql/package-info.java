/** SQL helpers shared by the repositories. */
package parc.orchestrator.system.sql;
