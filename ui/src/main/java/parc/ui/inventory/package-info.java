/**
 * Console pages and REST API of the inventory: a machine's inventory tabs and history,
 * administrative data, the server settings for agents.
 */
package parc.ui.inventory;
