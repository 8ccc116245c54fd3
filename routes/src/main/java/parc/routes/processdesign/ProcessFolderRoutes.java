package parc.routes.processdesign;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

import parc.orchestrator.processdesign.ProcessDesignService;
import parc.orchestrator.processdesign.ProcessOrigin;
import parc.orchestrator.processdesign.ProcessProblem;
import parc.orchestrator.processdesign.ProcessRefusedException;
import parc.orchestrator.processdesign.ProcessVersion;

/**
 * Watches {@code parc.process-design.folder} (by default {@code <data>/processes}) for
 * {@code .bpmn} files. A file is taken once its size has stopped changing, checked and
 * deployed as a new version, then moved to {@code done/}, or to {@code failed/} next to a
 * {@code .reason.txt} with every reason and element id.
 */
@Component
class ProcessFolderRoutes extends RouteBuilder {

	static final String ROUTE_ID = "process-folder-deploy";

	private final ProcessDesignService processes;

	ProcessFolderRoutes(ProcessDesignService processes) {
		this.processes = processes;
	}

	@Override
	public void configure() {
		// @formatter:off
		onException(Exception.class)
			.handled(false)
			.log(LoggingLevel.WARN, "Process file ${header.CamelFileName} not deployed: ${exception.message}");

		from("file:{{parc.process-design.folder}}?include=(?i).*\\.bpmn&move=done/${file:name}"
				+ "&moveFailed=failed/${file:name}&readLock=changed&readLockMinAge=1000&readLockCheckInterval=500"
				+ "&maxMessagesPerPoll=20&delay={{parc.process-design.folder-poll-ms:2000}}")
			.routeId(ROUTE_ID)
			.process(this::deploy).id("process-folder-deploy-file");
		// @formatter:on
	}

	private void deploy(Exchange exchange) throws Exception {
		String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
		byte[] content = exchange.getIn().getBody(byte[].class);
		try {
			List<ProcessVersion> deployed = this.processes.deploy(name, content, ProcessOrigin.FOLDER);
			deployed.forEach((version) -> log.info("Process {} version {} deployed from the watched folder ({})",
					version.key(), version.version(), name));
		}
		catch (ProcessRefusedException ex) {
			Path failed = Path.of(exchange.getIn().getHeader(Exchange.FILE_PARENT, String.class), "failed");
			Files.createDirectories(failed);
			StringBuilder reasons = new StringBuilder();
			for (ProcessProblem problem : ex.problems()) {
				reasons.append((problem.elementId() != null) ? problem.elementId() + ": " : "")
					.append(problem.reason())
					.append('\n');
			}
			Files.writeString(failed.resolve(name + ".reason.txt"), reasons, StandardCharsets.UTF_8);
			// Failing the exchange is what moves the file to failed/.
			throw ex;
		}
	}

}
