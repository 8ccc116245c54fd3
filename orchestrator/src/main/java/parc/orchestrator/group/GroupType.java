package parc.orchestrator.group;

/**
 * How a group's members are decided. The names are a public contract of
 * {@code /api/groups}.
 */
public enum GroupType {

	/** Machines chosen one by one, or from an import. */
	STATIC,

	/** Machines that meet criteria, combined by a boolean expression. */
	DYNAMIC

}
