package parc.orchestrator.processdesign;

/**
 * A process Parc runs, with the version new deployments use.
 *
 * @param key the process key
 * @param name its name in the version in use
 * @param inUse the version in use
 * @param versions how many versions exist
 * @param shippedVersion the latest version shipped with Parc, or null if Parc ships none
 * (a designer's own process)
 */
public record ProcessSummary(String key, String name, ProcessVersion inUse, long versions, Integer shippedVersion) {

	/** Whether the version in use is not the one Parc ships. */
	public boolean changedByDesigner() {
		return this.shippedVersion == null || this.inUse.origin() != ProcessOrigin.SHIPPED;
	}

}
