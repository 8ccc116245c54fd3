package parc.routes.deployment;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import parc.agentlessadapter.ssh.CommandResult;
import parc.agentlessadapter.ssh.OutputChannel;
import parc.agentlessadapter.ssh.OutputLine;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.MachineProgress;
import parc.orchestrator.deployment.PhaseWork;
import parc.orchestrator.system.database.DatabaseFailures;

/** Writes what a phase's work does on a machine into the machine's deployment log. */
@Component
class PhaseLog {

	private static final Logger log = LoggerFactory.getLogger(PhaseLog.class);

	private final MachineProgress progress;

	PhaseLog(MachineProgress progress) {
		this.progress = progress;
	}

	void write(PhaseWork work, LogLine.Kind kind, String text) {
		append(work, new LogLine(Instant.now(), work.phase(), kind, text));
	}

	void output(PhaseWork work, OutputLine line) {
		append(work, new LogLine(line.at(), work.phase(),
				(line.channel() == OutputChannel.STDERR) ? LogLine.Kind.ERR : LogLine.Kind.OUT, line.text()));
	}

	/**
	 * A line PostgreSQL cannot take right now goes to Parc's own log instead: the work on
	 * the machine goes on, and its result is what counts.
	 */
	private void append(PhaseWork work, LogLine line) {
		try {
			this.progress.appendLog(work.deploymentId(), work.machineName(), line);
		}
		catch (RuntimeException ex) {
			if (!DatabaseFailures.isTemporary(ex)) {
				throw ex;
			}
			log.warn("Deployment {}, machine {}: log line not stored, the database is unavailable: {}",
					work.deploymentId(), work.machineName(), line.text());
		}
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
