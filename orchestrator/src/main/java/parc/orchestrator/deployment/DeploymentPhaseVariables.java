package parc.orchestrator.deployment;

/**
 * Names shared by the phase processes and the code that reports into them: the message a
 * phase waits for and the variables it is correlated and completed with.
 */
public final class DeploymentPhaseVariables {

	/** The message a phase process waits for once its work is started. */
	public static final String MSG_PHASE_FINISHED = "Msg_PhaseFinished";

	/** Correlation key: the attempt's {@link PhaseWork#runId()}. */
	public static final String PHASE_RUN_ID = "phaseRunId";

	/** The {@link PhaseOutcome} name. */
	public static final String PHASE_OUTCOME = "phaseOutcome";

	/** What the work said, for the log and the machine's detail. */
	public static final String PHASE_DETAIL = "phaseDetail";

	private DeploymentPhaseVariables() {
	}

}
