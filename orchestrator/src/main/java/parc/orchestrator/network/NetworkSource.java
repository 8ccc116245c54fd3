package parc.orchestrator.network;

/** Where a network came from. */
public enum NetworkSource {

	/** From the address and mask of a machine's network card, in its inventory. */
	LEARNED,

	/** Declared by an admin. */
	ADMIN

}
