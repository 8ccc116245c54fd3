package parc.routes.machineimport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

import parc.orchestrator.machineimport.MachineImport;
import parc.orchestrator.machineimport.MachineImportService;
import parc.orchestrator.machineimport.MachineImportState;

/**
 * Two ways in for CSV files of machines. Uploads confirmed in the console or the API are
 * queued ({@value #QUEUE}) and run one at a time, then their file moves to {@code done/}
 * or {@code failed/}. Files dropped in {@code <parc.machine-import.dir>/inbox} are taken
 * once their size stops changing, imported with the mapping their header suggests and the
 * folder's mode, and moved to {@code done/}, or to {@code failed/} next to a
 * {@code .reason.txt}.
 */
@Component
class MachineImportRoutes extends RouteBuilder {

	static final String QUEUE = "seda:machine-import?size=100";

	static final String FOLDER_ROUTE_ID = "machine-import-folder";

	private final MachineImportService imports;

	MachineImportRoutes(MachineImportService imports) {
		this.imports = imports;
	}

	@Override
	public void configure() {
		// @formatter:off
		onException(Exception.class)
			.handled(false)
			.log(LoggingLevel.WARN, "Machine import ${header.CamelFileName} failed: ${exception.message}");

		from(QUEUE)
			.routeId("machine-import-run")
			.process(this::runUpload).id("machine-import-run-upload");

		from("file:{{parc.machine-import.dir}}/inbox?include=(?i).*\\.(csv|txt)"
				+ "&move=../done/${date:now:yyyyMMdd-HHmmss}-${file:name}"
				+ "&moveFailed=../failed/${date:now:yyyyMMdd-HHmmss}-${file:name}"
				+ "&readLock=changed&readLockMinAge=1000&readLockCheckInterval=500"
				+ "&maxMessagesPerPoll=1&delay={{parc.machine-import.poll-ms:2000}}")
			.routeId(FOLDER_ROUTE_ID)
			.process(this::importDroppedFile).id("machine-import-folder-file");
		// @formatter:on
	}

	private void runUpload(Exchange exchange) {
		long id = exchange.getIn().getBody(Long.class);
		this.imports.run(id);
		this.imports.fileAway(id);
	}

	private void importDroppedFile(Exchange exchange) throws Exception {
		String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
		Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
		MachineImport result = this.imports.importFromFolder(file, name);
		if (result.state() != MachineImportState.DONE) {
			Path failed = file.toAbsolutePath().getParent().resolveSibling("failed");
			Files.createDirectories(failed);
			Files.writeString(failed.resolve(name + ".reason.txt"),
					"import " + result.id() + ": " + result.failure() + "\n", StandardCharsets.UTF_8);
			// Failing the exchange is what moves the file to failed/.
			throw new RefusedMachineFileException(name, result.failure());
		}
	}

	/** Marks a file the import refused, so Camel moves it to {@code failed/}. */
	static final class RefusedMachineFileException extends Exception {

		RefusedMachineFileException(String name, String reason) {
			super(name + ": " + reason);
		}

	}

}
