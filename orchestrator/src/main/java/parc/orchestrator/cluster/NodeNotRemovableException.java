package parc.orchestrator.cluster;

/** Only a node that is stopped or missing can be taken off the list. */
public class NodeNotRemovableException extends RuntimeException {

	private final String name;

	public NodeNotRemovableException(String name) {
		super("No stopped or missing node is named " + name + ": a node that is up cannot be removed");
		this.name = name;
	}

	public String name() {
		return this.name;
	}

}
