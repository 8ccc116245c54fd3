package parc.agentlessadapter.probe;

/** Pulse 2's status light of a machine. */
public enum Light {

	/** Nothing answers. */
	RED,

	/** The machine answers a ping, its SSH server does not. */
	ORANGE,

	/** The SSH server answers with its banner. */
	GREEN

}
