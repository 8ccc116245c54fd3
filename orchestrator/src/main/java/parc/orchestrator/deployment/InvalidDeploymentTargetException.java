package parc.orchestrator.deployment;

import java.util.List;

/** Some machines cannot receive this deployment; the message names each and why. */
public class InvalidDeploymentTargetException extends IllegalArgumentException {

	private final List<String> problems;

	public InvalidDeploymentTargetException(List<String> problems) {
		super("machineIds: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
