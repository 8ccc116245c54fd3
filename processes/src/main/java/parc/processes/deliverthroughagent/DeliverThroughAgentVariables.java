package parc.processes.deliverthroughagent;

/**
 * The {@code deliver-through-agent} process: its key and the variables it adds to the
 * phases' own ({@link parc.processes.shared.PhaseVariables}).
 */
public final class DeliverThroughAgentVariables {

	public static final String PROCESS_KEY = "deliver-through-agent";

	/**
	 * Set by the offer: the agent's history already holds the package, so there is no
	 * report to wait for (Boolean).
	 */
	public static final String ALREADY_INSTALLED = "alreadyInstalled";

	/** Set by the offer: how long to wait for the agent's report (ISO-8601 duration). */
	public static final String AGENT_REPORT_TIMEOUT = "agentReportTimeout";

	private DeliverThroughAgentVariables() {
	}

}
