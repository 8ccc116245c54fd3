/** Transaction helpers shared by the features. */
package parc.orchestrator.system.transaction;
