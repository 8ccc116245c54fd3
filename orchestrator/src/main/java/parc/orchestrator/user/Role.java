package parc.orchestrator.user;

/** What an account may do. Every account has exactly one role. */
public enum Role {

	/** Everything, including user management and Camunda Cockpit. */
	ADMIN,

	/** Read-only: can look and search, cannot change anything. */
	USER,

	/**
	 * A read-only user who may also deploy processes (console, Camunda Modeler through
	 * {@code /engine-rest}, approve waiting user tasks), but not manage users,
	 * credentials or machines.
	 */
	DESIGNER

}
