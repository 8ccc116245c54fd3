/**
 * The agentless port on the SSH adapter: Camel routes {@code ssh-probe},
 * {@code ssh-pull-inventory} and {@code wol-wake} in front of plain beans that call the
 * adapter, the application's one SSH client, the database-backed host-key store, and the
 * mapping of an agentless inventory into Parc's inventory model.
 */
package parc.routes.agentless;
