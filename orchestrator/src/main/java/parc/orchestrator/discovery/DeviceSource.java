package parc.orchestrator.discovery;

/** What last reported a device. */
public enum DeviceSource {

	/** A server sweep of its network. */
	SWEEP,

	/** A scan of its one address. */
	SCAN,

	/** An OCS agent elected for IP discovery. */
	IPDISCOVER

}
