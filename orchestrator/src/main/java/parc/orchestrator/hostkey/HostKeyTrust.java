package parc.orchestrator.hostkey;

/** The host-key policy for first contacts; a changed key is always refused. */
public enum HostKeyTrust {

	/** Record the first key seen and trust it. */
	TRUST_ON_FIRST_USE,

	/** Record the first key seen and refuse until an administrator approves it. */
	REQUIRE_APPROVAL

}
