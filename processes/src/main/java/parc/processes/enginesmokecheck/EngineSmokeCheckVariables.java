package parc.processes.enginesmokecheck;

/** Names of the {@code engine-smoke-check} process: its key and its variables. */
public final class EngineSmokeCheckVariables {

	public static final String PROCESS_KEY = "engine-smoke-check";

	/** ISO-8601 duration the timer waits, e.g. {@code PT1S}. */
	public static final String DELAY = "delay";

	private EngineSmokeCheckVariables() {
	}

}
