package parc.orchestrator.agentless;

/**
 * Pulse 2's light. The names are a public contract of {@code POST
 * /api/machines/{id}/probe}.
 */
public enum StatusLight {

	/** SSH answers. */
	GREEN,

	/** The machine answers pings but not SSH. */
	ORANGE,

	/** No answer. */
	RED

}
