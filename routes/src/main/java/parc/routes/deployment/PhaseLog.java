package parc.routes.deployment;

import java.time.Instant;

import org.springframework.stereotype.Component;

import parc.agentlessadapter.ssh.CommandResult;
import parc.agentlessadapter.ssh.OutputChannel;
import parc.agentlessadapter.ssh.OutputLine;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.MachineProgress;
import parc.orchestrator.deployment.PhaseWork;

/** Writes what a phase's work does on a machine into the machine's deployment log. */
@Component
class PhaseLog {

	private final MachineProgress progress;

	PhaseLog(MachineProgress progress) {
		this.progress = progress;
	}

	void write(PhaseWork work, LogLine.Kind kind, String text) {
		this.progress.appendLog(work.deploymentId(), work.machineName(),
				new LogLine(Instant.now(), work.phase(), kind, text));
	}

	void output(PhaseWork work, OutputLine line) {
		this.progress.appendLog(work.deploymentId(), work.machineName(), new LogLine(line.at(), work.phase(),
				(line.channel() == OutputChannel.STDERR) ? LogLine.Kind.ERR : LogLine.Kind.OUT, line.text()));
	}

	/** A command's retained output: its head, what was dropped, its tail. */
	void output(PhaseWork work, CommandResult result) {
		for (OutputLine line : result.head()) {
			output(work, line);
		}
		if (result.droppedNotice() != null) {
			write(work, LogLine.Kind.INFO, result.droppedNotice());
		}
		for (OutputLine line : result.tail()) {
			output(work, line);
		}
	}

}
