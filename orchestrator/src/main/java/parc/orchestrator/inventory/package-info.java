/**
 * The inventory of each machine, whatever channel reported it: the full document of the
 * last inventories (JSONB), searchable tables rebuilt from the latest one, the history of
 * what changed between two inventories, recognition of a machine across agent reinstalls,
 * and the TAG and administrator-defined fields (OCS's ACCOUNTINFO).
 */
package parc.orchestrator.inventory;
