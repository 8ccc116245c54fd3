package parc.orchestrator.deployment;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code parc.deployment.*}.
 *
 * @param timeZone the zone deployment windows are read in (the server's when empty)
 * @param agentReportTimeout how long a machine delivered through its OCS agent waits for
 * the agent's report before the attempt counts as failed (24 hours)
 * @param taskLock how long a worker holds a machine's phase task before another may take
 * it (5 minutes); a live worker renews its locks well before, so only the work of a dead
 * worker or node waits this long to be taken over
 */
@ConfigurationProperties("parc.deployment")
public record DeploymentProperties(ZoneId timeZone, java.time.Duration agentReportTimeout,
		java.time.Duration taskLock) {

	public DeploymentProperties {
		timeZone = (timeZone != null) ? timeZone : ZoneId.systemDefault();
		agentReportTimeout = (agentReportTimeout != null) ? agentReportTimeout : java.time.Duration.ofHours(24);
		taskLock = (taskLock != null) ? taskLock : java.time.Duration.ofMinutes(5);
		if (taskLock.toMillis() < 1000) {
			throw new IllegalArgumentException("parc.deployment.task-lock must be at least one second: " + taskLock);
		}
	}

}
