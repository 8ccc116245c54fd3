package parc.orchestrator.deployment;

/**
 * A bundle's package, as its own deployment under the bundle.
 *
 * @param deploymentId the package's deployment
 * @param packageId the package
 * @param label "label version"
 * @param level its order level
 */
public record BundlePart(long deploymentId, long packageId, String label, int level) {

}
