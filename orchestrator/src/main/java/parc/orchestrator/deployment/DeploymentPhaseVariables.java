package parc.orchestrator.deployment;

/**
 * Names shared by the processes and the code that starts them or reports into them: the
 * process keys, the messages they wait for and the variables they are correlated with.
 */
public final class DeploymentPhaseVariables {

	/** The message a phase process waits for once its work is started. */
	public static final String MSG_PHASE_FINISHED = "Msg_PhaseFinished";

	/**
	 * The message a machine delivered through its OCS agent waits for: the agent's
	 * report, correlated on {@link #PHASE_RUN_ID}.
	 */
	public static final String MSG_AGENT_REPORTED = "Msg_AgentReported";

	/** Correlation key: the attempt's {@link PhaseWork#runId()}. */
	public static final String PHASE_RUN_ID = "phaseRunId";

	/** The {@link PhaseOutcome} name. */
	public static final String PHASE_OUTCOME = "phaseOutcome";

	/** What the work said, for the log and the machine's detail. */
	public static final String PHASE_DETAIL = "phaseDetail";

	/**
	 * A worker's result as it completes the phase's external task: the
	 * {@link PhaseOutcome} name, transient (recorded in the same transaction, never
	 * stored), and named apart from {@link #PHASE_OUTCOME} that older instances hold as a
	 * stored variable.
	 */
	public static final String WORK_OUTCOME = "workOutcome";

	/** What the worker's work said, transient like {@link #WORK_OUTCOME}. */
	public static final String WORK_DETAIL = "workDetail";

	/** What a machine waiting for a free slot or a resume waits for. */
	public static final String MSG_RUN_ALLOWED = "Msg_RunAllowed";

	/**
	 * The top deployment whose slots a waiting machine counts against (Long), set on the
	 * phase process when it waits.
	 */
	public static final String SLOT_GROUP = "slotGroup";

	/**
	 * The process a deployment starts, with {@link #DEPLOYMENT_ID} and
	 * {@link #MACHINE_PROCESS}.
	 */
	public static final String DEPLOY_TO_MACHINES = "deploy-to-machines";

	/** The process of one package on one machine. */
	public static final String DEPLOY_PACKAGE = "deploy-package";

	/** The process of a bundle on one machine: its packages level by level. */
	public static final String DEPLOY_BUNDLE = "deploy-bundle";

	/** Input of the processes: the deployment's id (Long). */
	public static final String DEPLOYMENT_ID = "deploymentId";

	/** Input of the machine processes: the machine's name in the deployment (String). */
	public static final String MACHINE_NAME = "machineName";

	/** Input of {@link #DEPLOY_TO_MACHINES}: the process each machine runs (String). */
	public static final String MACHINE_PROCESS = "machineProcess";

	/**
	 * The process of one phase on one machine, called by {@link #DEPLOY_PACKAGE} with
	 * {@link #PHASE}: its work is an external task on the phase's {@link #topic}.
	 */
	public static final String DEPLOYMENT_PHASE = "deployment-phase";

	/** The {@link DeploymentPhase} name a phase process runs (String). */
	public static final String PHASE = "phase";

	/** The machine's id (Long). */
	public static final String MACHINE_ID = "machineId";

	/** The attempt number, from 1 (Integer). */
	public static final String ATTEMPT = "attempt";

	/** After a {@link PhaseOutcome#WAITING} result: when the work looks again (Date). */
	public static final String CHECK_AT = "checkAt";

	/** After Wake-on-LAN: until when the machine gets to answer (Date). */
	public static final String WAKE_UNTIL = "wakeUntil";

	/** The COMMAND phase's input: the command, run in the login's home. */
	public static final String COMMAND = "command";

	/** The COMMAND phase's input: its arguments, one per line, passed as data. */
	public static final String COMMAND_ARGUMENTS = "commandArguments";

	/** The COMMAND phase's input: seconds after which it is killed (600 if absent). */
	public static final String COMMAND_TIME_LIMIT = "commandTimeLimit";

	/** The COMMAND phase's input: exit codes that count as success, "0" if absent. */
	public static final String COMMAND_SUCCESS_CODES = "commandSuccessCodes";

	private static final String TOPIC_PREFIX = "parc-deployment-";

	/**
	 * The external task topic of a phase's work: {@code parc-deployment-TRANSFER}..., as
	 * {@code deployment-phase.bpmn} spells it from {@link #PHASE}.
	 */
	public static String topic(DeploymentPhase phase) {
		return TOPIC_PREFIX + phase.name();
	}

	/**
	 * Every topic Parc's phase workers serve: each phase's but the delivery through an
	 * OCS agent, which the agent's own report ends.
	 */
	public static java.util.List<String> servedTopics() {
		return java.util.Arrays.stream(DeploymentPhase.values())
			.filter((phase) -> phase != DeploymentPhase.DELIVER)
			.map(DeploymentPhaseVariables::topic)
			.toList();
	}

	private DeploymentPhaseVariables() {
	}

}
