package parc.orchestrator.user;

/** What an account may do. Every account has exactly one role. */
public enum Role {

	/** Everything, including user management and Camunda Cockpit. */
	ADMIN,

	/** Read-only: can look and search, cannot change anything. */
	USER

}
