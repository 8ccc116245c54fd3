package parc.orchestrator.group;

/**
 * Whether a dynamic group is recomputed or keeps a membership, as in Pulse 2. The names
 * are a public contract of {@code /api/groups}.
 */
public enum GroupMode {

	/** Recomputed from the criteria on every read. */
	QUERY,

	/**
	 * The members found when the group was switched to this mode, kept; machines can be
	 * removed by hand, and the group turns back into a query when the last one goes.
	 */
	RESULT

}
