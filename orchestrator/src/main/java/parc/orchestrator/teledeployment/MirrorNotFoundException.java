package parc.orchestrator.teledeployment;

/** No such mirror for this package. */
public class MirrorNotFoundException extends RuntimeException {

	public MirrorNotFoundException(long packageId, long mirrorId) {
		super("Package " + packageId + " has no mirror " + mirrorId);
	}

}
