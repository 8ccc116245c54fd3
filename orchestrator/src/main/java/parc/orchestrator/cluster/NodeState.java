package parc.orchestrator.cluster;

/** How a node stands, from its heartbeats. */
public enum NodeState {

	/** Its heartbeats arrive. */
	UP,

	/** It stopped cleanly. */
	STOPPED,

	/** Its heartbeats stopped without a clean stop: a crash, a kill, a lost network. */
	MISSING

}
