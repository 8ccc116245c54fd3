package parc.orchestrator.discovery;

public class SweepNotFoundException extends RuntimeException {

	public SweepNotFoundException(long id) {
		super("No sweep " + id);
	}

}
