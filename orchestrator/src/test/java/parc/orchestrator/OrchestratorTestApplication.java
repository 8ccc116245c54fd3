package parc.orchestrator;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import parc.orchestrator.agentless.AgentlessGateway;
import parc.orchestrator.agentless.ProbeOutcome;
import parc.orchestrator.agentless.RemoteAccessException;
import parc.orchestrator.agentless.RemoteTarget;
import parc.orchestrator.agentless.StatusLight;
import parc.orchestrator.credential.InvalidCredentialException;
import parc.orchestrator.credential.PrivateKeyInspector;
import parc.orchestrator.inventory.InventoryDocument;

/**
 * The orchestrator alone, as a Spring Boot application for its own tests. The SSH ports
 * are implemented in {@code routes}, which the orchestrator may not see: here they are
 * stand-ins, and tests that need a behaviour replace them with {@code @MockitoBean}s.
 */
@SpringBootApplication
public class OrchestratorTestApplication {

	/**
	 * Takes any text that looks like a private key; the real parsing is tested in routes.
	 */
	@Bean
	PrivateKeyInspector testPrivateKeyInspector() {
		return (privateKey, passphrase) -> {
			if (!privateKey.contains("PRIVATE KEY-----")) {
				throw new InvalidCredentialException("privateKey", "not a private key");
			}
			return new PrivateKeyInspector.KeyDescription("ssh-ed25519",
					"SHA256:test" + Integer.toHexString(privateKey.hashCode()));
		};
	}

	/** No network in orchestrator tests: every machine is unreachable. */
	@Bean
	AgentlessGateway unreachableAgentlessGateway() {
		return new AgentlessGateway() {
			@Override
			public ProbeOutcome probe(String host, int sshPort) {
				return new ProbeOutcome(StatusLight.RED, false, null, "no network in orchestrator tests",
						Duration.ZERO);
			}

			@Override
			public InventoryDocument collectInventory(RemoteTarget target) {
				throw new RemoteAccessException(RemoteAccessException.Step.CONNECT, "no network in orchestrator tests",
						null);
			}

			@Override
			public void wake(List<String> macAddresses) {
				throw new RemoteAccessException(RemoteAccessException.Step.CONNECT, "no network in orchestrator tests",
						null);
			}
		};
	}

}
