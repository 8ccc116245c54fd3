package parc.orchestrator.discovery;

/**
 * What scanning one address found.
 *
 * @param report everything the probes saw
 * @param networkId the known network holding the address, or null
 * @param device the device recorded, or null when nothing answered
 */
public record ScanResult(ProbeReport report, Long networkId, Device device) {

}
