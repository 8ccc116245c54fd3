/**
 * Groups of machines (issue #7): static groups of chosen machines, dynamic groups whose
 * numbered criteria are combined by a boolean expression in Pulse 2's prefix notation
 * ({@link parc.orchestrator.group.GroupExpressionParser}) and evaluated as one SQL
 * condition ({@link parc.orchestrator.group.GroupConditionSql}), query and result modes,
 * sharing, and static groups built from a file of values
 * ({@link parc.orchestrator.group.GroupImportService}).
 */
package parc.orchestrator.group;
