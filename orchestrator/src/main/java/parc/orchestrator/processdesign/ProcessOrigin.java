package parc.orchestrator.processdesign;

/**
 * Where a process version came from. The names are part of {@code GET /api/processes}.
 */
public enum ProcessOrigin {

	/** In Parc's jar, deployed when Parc starts. */
	SHIPPED,

	/** Through the engine's REST API: Camunda Modeler's "Deploy", or any other client. */
	ENGINE_REST,

	/** Uploaded on the Processes page or through {@code POST /api/processes}. */
	CONSOLE,

	/** Dropped into the watched folder {@code <data-dir>/processes/}. */
	FOLDER,

	/** An earlier version made the one in use again. */
	ROLLBACK;

	/** The deployment source Parc gives the engine for this origin. */
	String source() {
		return "parc-" + name().toLowerCase();
	}

}
