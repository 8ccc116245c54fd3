package parc.orchestrator.quickaction;

/** No predefined quick action has this id. */
public class UnknownQuickActionException extends IllegalArgumentException {

	public UnknownQuickActionException(String id) {
		super("actionId: no quick action " + id + " (see the quick actions file)");
	}

}
