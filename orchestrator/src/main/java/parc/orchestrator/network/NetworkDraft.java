package parc.orchestrator.network;

/**
 * A network as an admin writes it.
 *
 * @param name 1 to 200 characters; the address when blank
 * @param address the block, {@code 198.51.100.0/24}; a learned network's cannot change
 * @param description free text, optional
 * @param site free text, optional
 * @param ignored hides it from lists and sweeps (false when null)
 */
public record NetworkDraft(String name, String address, String description, String site, Boolean ignored) {

}
