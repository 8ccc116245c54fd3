package parc.orchestrator.teledeployment;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in deployment server ({@code parc.deploy-server.*}).
 *
 * @param names the host names and addresses its certificate is for; empty means this
 * host's name, every address of its interfaces, {@code localhost} and 127.0.0.1
 * @param httpsPort the port agents fetch {@code info} files from over HTTPS (fragments
 * come over Parc's own HTTP port)
 * @param enabled whether Parc opens the HTTPS port at all
 */
@ConfigurationProperties("parc.deploy-server")
public record DeployServerProperties(List<String> names, Integer httpsPort, Boolean enabled) {

	public DeployServerProperties {
		names = (names != null) ? List.copyOf(names) : List.of();
		httpsPort = (httpsPort != null) ? httpsPort : 8443;
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
	}

}
