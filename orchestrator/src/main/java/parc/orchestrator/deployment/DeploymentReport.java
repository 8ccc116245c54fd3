package parc.orchestrator.deployment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Pulse 2's deployment report: how many machines are done, stopped, in progress (waiting
 * before a phase, or running one) and failed (per phase, with the share that could not be
 * reached), each with its percentage of all machines.
 *
 * @param deploymentId the deployment
 * @param machines how many machines it has
 * @param rows one per category and phase that has machines, in a stable order
 */
public record DeploymentReport(long deploymentId, int machines, List<Row> rows) {

	/** What a row counts. */
	public enum Category {

		DONE, STOPPED, WAITING, RUNNING, FAILED, FAILED_UNREACHABLE

	}

	/**
	 * @param category what it counts
	 * @param phase the phase (waiting before, running, failed during), or null
	 * @param count machines
	 * @param percent of all the deployment's machines, one decimal
	 */
	public record Row(Category category, DeploymentPhase phase, int count, double percent) {

	}

	public static DeploymentReport of(Deployment deployment) {
		int total = deployment.targets().size();
		int done = 0;
		int stopped = 0;
		Map<DeploymentPhase, Integer> waiting = new EnumMap<>(DeploymentPhase.class);
		Map<DeploymentPhase, Integer> running = new EnumMap<>(DeploymentPhase.class);
		Map<DeploymentPhase, Integer> failed = new EnumMap<>(DeploymentPhase.class);
		Map<DeploymentPhase, Integer> unreachable = new EnumMap<>(DeploymentPhase.class);
		for (DeploymentTarget target : deployment.targets()) {
			switch (target.state()) {
				case DONE -> done++;
				case STOPPED -> stopped++;
				case FAILED -> {
					failed.merge(target.failedPhase(), 1, Integer::sum);
					if (target.unreachable()) {
						unreachable.merge(target.failedPhase(), 1, Integer::sum);
					}
				}
				case SCHEDULED, RESCHEDULED, PAUSED -> waiting.merge(nextPhase(target), 1, Integer::sum);
				default -> running.merge(runningPhase(target), 1, Integer::sum);
			}
		}
		List<Row> rows = new ArrayList<>();
		rows.add(row(Category.DONE, null, done, total));
		rows.add(row(Category.STOPPED, null, stopped, total));
		waiting.forEach((phase, count) -> rows.add(row(Category.WAITING, phase, count, total)));
		running.forEach((phase, count) -> rows.add(row(Category.RUNNING, phase, count, total)));
		failed.forEach((phase, count) -> rows.add(row(Category.FAILED, phase, count, total)));
		unreachable.forEach((phase, count) -> rows.add(row(Category.FAILED_UNREACHABLE, phase, count, total)));
		return new DeploymentReport(deployment.id(), total, List.copyOf(rows));
	}

	/** The machines in progress, waiting or running. */
	public int inProgress() {
		return this.rows.stream()
			.filter((row) -> row.category() == Category.WAITING || row.category() == Category.RUNNING)
			.mapToInt(Row::count)
			.sum();
	}

	/**
	 * The machines that have finished, whatever the outcome, in percent: the progress
	 * bar.
	 */
	public double percentFinished() {
		return percent(this.machines - inProgress(), this.machines);
	}

	private static DeploymentPhase nextPhase(DeploymentTarget target) {
		return target.phases()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() == PhaseStatus.NOT_STARTED)
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(DeploymentPhase.TRANSFER);
	}

	private static DeploymentPhase runningPhase(DeploymentTarget target) {
		for (DeploymentPhase phase : DeploymentPhase.values()) {
			if (phase.runningState() == target.state()) {
				return phase;
			}
		}
		return nextPhase(target);
	}

	private static Row row(Category category, DeploymentPhase phase, int count, int total) {
		return new Row(category, phase, count, percent(count, total));
	}

	private static double percent(int count, int total) {
		return (total == 0) ? 0 : Math.round(count * 1000.0 / total) / 10.0;
	}

}
