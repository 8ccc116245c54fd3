package parc.orchestrator.teledeployment;

/** What offering a package to a machine's agent did. */
public enum OfferOutcome {

	/** The agent gets it at its next PROLOG inside the deployment's windows. */
	OFFERED,

	/**
	 * The agent's history already holds it, from an earlier success: done without running
	 * it again.
	 */
	ALREADY_INSTALLED

}
