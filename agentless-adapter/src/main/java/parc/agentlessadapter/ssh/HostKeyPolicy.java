package parc.agentlessadapter.ssh;

/**
 * What to do with a server whose host key Parc has never seen. A key that differs from
 * the recorded one is refused under both policies; there is no accept-all.
 */
public enum HostKeyPolicy {

	/** Record the first key seen and trust it from then on (OpenSSH's "accept-new"). */
	TRUST_ON_FIRST_USE,

	/**
	 * Record the first key seen as pending and refuse until an administrator approves it.
	 */
	REQUIRE_APPROVAL

}
