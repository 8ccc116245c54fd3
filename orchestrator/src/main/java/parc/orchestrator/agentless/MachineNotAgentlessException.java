package parc.orchestrator.agentless;

/**
 * The machine cannot be reached over SSH as registered: another channel, or no
 * credential.
 */
public class MachineNotAgentlessException extends RuntimeException {

	public MachineNotAgentlessException(String message) {
		super(message);
	}

}
