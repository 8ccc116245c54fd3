package parc.orchestrator.quickaction;

/** No quick action run has this identifier. */
public class QuickActionRunNotFoundException extends RuntimeException {

	public QuickActionRunNotFoundException(long id) {
		super("No quick action run " + id);
	}

}
