package parc.orchestrator.group;

/**
 * The change is sound but the group's state or the account's rights forbid it: deleting a
 * group one does not own, or one that another group's criteria name.
 */
public class GroupChangeRefusedException extends RuntimeException {

	public GroupChangeRefusedException(String message) {
		super(message);
	}

}
