package parc.orchestrator.group;

/** No group of that id, or none the asking account sees: both answer the same. */
public class GroupNotFoundException extends RuntimeException {

	public GroupNotFoundException(long id) {
		super("No group " + id);
	}

}
