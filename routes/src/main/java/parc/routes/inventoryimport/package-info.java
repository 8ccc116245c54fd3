/**
 * The watched folder of offline inventories: {@code .ocs} and {@code .xml} files dropped
 * there are imported one by one and moved to {@code done/} or {@code failed/}.
 */
package parc.routes.inventoryimport;
