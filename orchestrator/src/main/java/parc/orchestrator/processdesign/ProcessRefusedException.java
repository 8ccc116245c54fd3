package parc.orchestrator.processdesign;

import java.util.List;

/**
 * A process version the engine did not accept; nothing of it was deployed. Carries every
 * reason, each with its element id.
 */
public class ProcessRefusedException extends RuntimeException {

	private final List<ProcessProblem> problems;

	public ProcessRefusedException(List<ProcessProblem> problems) {
		super("Process refused: " + String.join("; ", problems.stream().map(ProcessProblem::reason).toList()));
		this.problems = List.copyOf(problems);
	}

	public List<ProcessProblem> problems() {
		return this.problems;
	}

}
