package parc.orchestrator.testsupport;

import parc.orchestrator.teledeployment.AgentPackageBuildGateway;
import parc.orchestrator.teledeployment.MirrorFetchGateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import parc.orchestrator.agentless.AgentlessGateway;
import parc.orchestrator.discovery.AddressProber;
import parc.orchestrator.discovery.ProbeReport;
import parc.orchestrator.agentless.CommandLine;
import parc.orchestrator.agentless.CommandOutcome;
import parc.orchestrator.agentless.ProbeOutcome;
import parc.orchestrator.agentless.PulledFileOutcome;
import parc.orchestrator.agentless.RemoteCommandRequest;
import parc.orchestrator.agentless.RemoteAccessException;
import parc.orchestrator.agentless.RemoteTarget;
import parc.orchestrator.agentless.StatusLight;
import parc.orchestrator.credential.InvalidCredentialException;
import parc.orchestrator.deployment.PhaseWorkGateway;
import parc.orchestrator.credential.PrivateKeyInspector;
import parc.orchestrator.inventory.InventoryDocument;

/**
 * Stand-ins for the SSH ports in the orchestrator's own tests, which cannot see
 * {@code routes}. An auto-configuration, so that in routes' and app's tests (which put
 * this test-jar on their class path) the real implementations win; tests that need a
 * behaviour replace a stand-in with a {@code @MockitoBean}.
 */
@AutoConfiguration
public class StandInPortsAutoConfiguration {

	/**
	 * Takes any text that looks like a private key; the real parsing is tested in routes.
	 */
	@Bean
	@ConditionalOnMissingBean
	PrivateKeyInspector standInPrivateKeyInspector() {
		return (privateKey, passphrase) -> {
			if (!privateKey.contains("PRIVATE KEY-----")) {
				throw new InvalidCredentialException("privateKey", "not a private key");
			}
			return new PrivateKeyInspector.KeyDescription("ssh-ed25519",
					"SHA256:test" + Integer.toHexString(privateKey.hashCode()));
		};
	}

	/** Agent packages with an info file only: the real build is tested in routes. */
	@Bean
	@ConditionalOnMissingBean
	AgentPackageBuildGateway standInAgentPackageBuildGateway() {
		return (request, folder) -> {
			java.nio.file.Files.writeString(folder.resolve("info"), "<DOWNLOAD ID=\"" + request.ocsId() + "\" />\n");
			return new AgentPackageBuildGateway.BuiltAgentPackage(0, null, 0);
		};
	}

	/** No network in orchestrator tests: no mirror answers. */
	@Bean
	@ConditionalOnMissingBean
	MirrorFetchGateway standInMirrorFetchGateway() {
		return (location, maxBytes) -> {
			throw new java.io.IOException("no network in orchestrator tests");
		};
	}

	/** Phase work that never reports: process tests report outcomes themselves. */
	@Bean
	@ConditionalOnMissingBean
	PhaseWorkGateway standInPhaseWorkGateway() {
		return (work) -> {
		};
	}

	/** No network in orchestrator tests: every machine is unreachable. */
	@Bean
	@ConditionalOnMissingBean
	AgentlessGateway standInAgentlessGateway() {
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
			public CommandOutcome runCommand(RemoteTarget target, RemoteCommandRequest command,
					Consumer<CommandLine> listener) {
				throw new RemoteAccessException(RemoteAccessException.Step.CONNECT, "no network in orchestrator tests",
						null);
			}

			@Override
			public PulledFileOutcome pullFirstFile(RemoteTarget target, String folder, long maxBytes, Path localFile) {
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

	/** No network in orchestrator tests: nothing answers. */
	@Bean
	@ConditionalOnMissingBean
	AddressProber standInAddressProber() {
		return (address, settings) -> ProbeReport.silent(address.getHostAddress());
	}

}
