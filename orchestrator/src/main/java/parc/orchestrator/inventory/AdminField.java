package parc.orchestrator.inventory;

/**
 * A field administrators add to every machine (OCS's accountinfo columns); agents receive
 * it by its key with the TAG.
 *
 * @param id Parc's identifier
 * @param key the name sent to agents: a letter, then letters, digits or {@code _}
 * @param label what the console shows
 * @param type what kind of value it holds
 */
public record AdminField(long id, String key, String label, AdminFieldType type) {

}
