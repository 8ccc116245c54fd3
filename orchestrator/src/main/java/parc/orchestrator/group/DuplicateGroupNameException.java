package parc.orchestrator.group;

/** The owner already has a group of that name, ignoring case. */
public class DuplicateGroupNameException extends RuntimeException {

	public DuplicateGroupNameException(String name) {
		super("You already have a group named '" + name + "'");
	}

}
