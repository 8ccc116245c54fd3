package parc.orchestrator.deployment;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code parc.deployment.*}.
 *
 * @param timeZone the zone deployment windows are read in (the server's when empty)
 * @param agentReportTimeout how long a machine delivered through its OCS agent waits for
 * the agent's report before the attempt counts as failed (24 hours)
 */
@ConfigurationProperties("parc.deployment")
public record DeploymentProperties(ZoneId timeZone, java.time.Duration agentReportTimeout) {

	public DeploymentProperties {
		timeZone = (timeZone != null) ? timeZone : ZoneId.systemDefault();
		agentReportTimeout = (agentReportTimeout != null) ? agentReportTimeout : java.time.Duration.ofHours(24);
	}

}
