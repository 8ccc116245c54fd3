package parc.orchestrator.deployment;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code parc.deployment.*}.
 *
 * @param timeZone the zone deployment windows are read in (the server's when empty)
 */
@ConfigurationProperties("parc.deployment")
public record DeploymentProperties(ZoneId timeZone) {

	public DeploymentProperties {
		timeZone = (timeZone != null) ? timeZone : ZoneId.systemDefault();
	}

}
