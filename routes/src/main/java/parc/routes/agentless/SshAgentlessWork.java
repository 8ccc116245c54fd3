package parc.routes.agentless;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import parc.agentlessadapter.inventory.InventoryCollector;
import parc.agentlessadapter.probe.Pinger;
import parc.agentlessadapter.probe.ProbeResult;
import parc.agentlessadapter.probe.ReachabilityProbe;
import parc.agentlessadapter.ssh.CommandResult;
import parc.agentlessadapter.ssh.HostKeyRejectedException;
import parc.agentlessadapter.ssh.OutputChannel;
import parc.agentlessadapter.ssh.OutputLine;
import parc.agentlessadapter.ssh.PulledFile;
import parc.agentlessadapter.ssh.RemoteCommand;
import parc.agentlessadapter.ssh.RemoteSession;
import parc.agentlessadapter.ssh.SshConnector;
import parc.agentlessadapter.ssh.SshException;
import parc.agentlessadapter.wol.MagicPacket;
import parc.agentlessadapter.wol.WakeOnLanException;
import parc.agentlessadapter.wol.WakeOnLanSender;
import parc.orchestrator.agentless.AgentlessSettings;
import parc.orchestrator.agentless.AgentlessSettingsService;
import parc.orchestrator.agentless.CommandLine;
import parc.orchestrator.agentless.CommandOutcome;
import parc.orchestrator.agentless.ProbeOutcome;
import parc.orchestrator.agentless.PulledFileOutcome;
import parc.orchestrator.agentless.RemoteCommandRequest;
import parc.orchestrator.agentless.RemoteAccessException;
import parc.orchestrator.agentless.RemoteTarget;
import parc.orchestrator.agentless.StatusLight;
import parc.orchestrator.inventory.InventoryDocument;

/**
 * The agentless work itself, on the SSH adapter; the routes call it. Adapter failures
 * become {@link RemoteAccessException}s with the same step and message.
 */
@Component
class SshAgentlessWork {

	private final SshConnector connector;

	private final AgentlessSettingsService settings;

	private final Pinger pinger = Pinger.icmpOrTcpEcho();

	SshAgentlessWork(SshConnector connector, AgentlessSettingsService settings) {
		this.connector = connector;
		this.settings = settings;
	}

	ProbeOutcome probe(String host, int port) {
		Duration timeout = Duration.ofMillis(this.settings.settings().probeTimeoutMillis());
		ProbeResult result = new ReachabilityProbe(this.pinger, timeout, timeout).probe(host, port);
		return new ProbeOutcome(StatusLight.valueOf(result.light().name()), result.pingAnswered(), result.sshBanner(),
				result.detail(), result.took());
	}

	InventoryDocument collectInventory(RemoteTarget target) {
		AgentlessSettings current = this.settings.settings();
		InventoryCollector collector = new InventoryCollector(Duration.ofSeconds(current.inventoryTimeLimitSeconds()),
				Clock.systemUTC());
		try (RemoteSession session = this.connector.open(SshTargets.of(target))) {
			return RemoteInventoryMapper.toDocument(collector.collect(session));
		}
		catch (SshException ex) {
			throw remoteAccess(ex);
		}
	}

	CommandOutcome runCommand(RemoteTarget target, RemoteCommandRequest request, Consumer<CommandLine> listener) {
		RemoteCommand command = new RemoteCommand(request.script(), request.arguments(), null, request.timeLimit(),
				request.maxRetainedBytes());
		try (RemoteSession session = this.connector.open(SshTargets.of(target))) {
			CommandResult result = session.run(command, (line) -> listener.accept(commandLine(line)));
			return new CommandOutcome(result.exitCode(), result.timedOut(), result.elapsed().toMillis(),
					result.lines().stream().map(SshAgentlessWork::commandLine).toList(), result.droppedLines());
		}
		catch (SshException ex) {
			throw remoteAccess(ex);
		}
	}

	PulledFileOutcome pullFirstFile(RemoteTarget target, String folder, long maxBytes, Path localFile) {
		try (RemoteSession session = this.connector.open(SshTargets.of(target))) {
			PulledFile pulled = session.pullFirstFile(folder, maxBytes, localFile);
			return new PulledFileOutcome(pulled.remoteName(), pulled.size(), pulled.modifiedAt());
		}
		catch (SshException ex) {
			throw remoteAccess(ex);
		}
	}

	private static CommandLine commandLine(OutputLine line) {
		return new CommandLine(line.at(),
				(line.channel() == OutputChannel.STDERR) ? CommandLine.Stream.ERR : CommandLine.Stream.OUT,
				line.text());
	}

	void wake(List<String> macAddresses) {
		AgentlessSettings current = this.settings.settings();
		InetSocketAddress broadcast;
		try {
			broadcast = new InetSocketAddress(InetAddress.getByName(current.wakeBroadcastAddress()),
					current.wakePort());
		}
		catch (UnknownHostException ex) {
			throw new RemoteAccessException(RemoteAccessException.Step.CONNECT,
					"Wake-on-LAN broadcast address " + current.wakeBroadcastAddress() + " is unknown", ex);
		}
		WakeOnLanSender sender = new WakeOnLanSender(current.wakeRepeats(), Duration.ofMillis(100));
		try {
			for (String mac : macAddresses) {
				sender.send(MagicPacket.of(mac, null), broadcast);
			}
		}
		catch (WakeOnLanException ex) {
			throw new RemoteAccessException(RemoteAccessException.Step.CONNECT, ex.getMessage(), ex);
		}
	}

	static RemoteAccessException remoteAccess(SshException ex) {
		RemoteAccessException.Step step = RemoteAccessException.Step.valueOf(ex.step().name());
		if (ex instanceof HostKeyRejectedException rejected) {
			return new RemoteAccessException(step, ex.getMessage(), rejected.presentedFingerprint(),
					rejected.knownFingerprint(), ex);
		}
		return new RemoteAccessException(step, ex.getMessage(), ex);
	}

}
