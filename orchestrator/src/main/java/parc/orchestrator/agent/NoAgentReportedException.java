package parc.orchestrator.agent;

/**
 * A machine-level agent setting was asked for a machine no OCS agent has reported for.
 */
public class NoAgentReportedException extends RuntimeException {

	public NoAgentReportedException(long machineId) {
		super("No OCS agent has reported for machine " + machineId + " yet");
	}

}
