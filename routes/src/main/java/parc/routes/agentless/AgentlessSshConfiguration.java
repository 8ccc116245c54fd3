package parc.routes.agentless;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import parc.agentlessadapter.ssh.HostKeyPolicy;
import parc.agentlessadapter.ssh.SshConnector;
import parc.agentlessadapter.ssh.SshSettings;
import parc.orchestrator.agentless.AgentlessSettingsService;
import parc.orchestrator.hostkey.HostKeyTrust;

/**
 * The application's one SSH client, started with the context and stopped with it
 * (STYLE.md section 4). The host-key policy is read from the administrators' settings at
 * each first contact.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SshProperties.class)
class AgentlessSshConfiguration {

	@Bean(initMethod = "start", destroyMethod = "close")
	SshConnector sshConnector(SshProperties properties, DatabaseHostKeyStore hostKeys,
			AgentlessSettingsService settings) {
		SshSettings ssh = SshSettings.defaults()
			.withConnectTimeout(properties.connectTimeout())
			.withAuthTimeout(properties.authTimeout())
			.withKeepAliveInterval(properties.keepAlive())
			.withMaxHandshakes(properties.maxHandshakes());
		return new SshConnector(ssh, hostKeys,
				() -> (settings.settings().hostKeyTrust() == HostKeyTrust.REQUIRE_APPROVAL)
						? HostKeyPolicy.REQUIRE_APPROVAL : HostKeyPolicy.TRUST_ON_FIRST_USE);
	}

}
