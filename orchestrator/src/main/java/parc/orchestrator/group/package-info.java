/**
 * Groups of machines (issue #7, in progress). So far: the boolean expression that
 * combines a dynamic group's numbered criteria, in Pulse 2's prefix notation
 * ({@link parc.orchestrator.group.GroupExpressionParser}).
 */
package parc.orchestrator.group;
