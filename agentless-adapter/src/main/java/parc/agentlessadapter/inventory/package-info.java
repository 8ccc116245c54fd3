/**
 * Agentless inventory: one script per target family (Linux shell, Windows PowerShell with
 * CIM and the registry's uninstall keys) run over a
 * {@link parc.agentlessadapter.ssh.RemoteSession}, its sectioned output parsed into a
 * {@link parc.agentlessadapter.inventory.RemoteInventory}. Mapping that into Parc's
 * inventory model is the caller's business.
 */
package parc.agentlessadapter.inventory;
