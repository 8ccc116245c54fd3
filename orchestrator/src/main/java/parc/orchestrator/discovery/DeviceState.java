package parc.orchestrator.discovery;

/** Where a found device stands. The names are a public contract of the REST API. */
public enum DeviceState {

	/** Found, not known. */
	UNKNOWN,

	/** An admin said what it is (a device type, a description). */
	IDENTIFIED,

	/** A machine of the registry. */
	MACHINE,

	/** Stopped answering for several sweeps; kept, never deleted silently. */
	ABSENT

}
