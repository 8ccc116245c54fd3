package parc.orchestrator.discovery;

/** What a found device looks like from the network, as OCS classifies it. */
public enum DeviceClass {

	WINDOWS, LINUX_UNIX, NETWORK_DEVICE_OR_PRINTER, UNKNOWN

}
