package parc.routes.inventoryimport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

import parc.orchestrator.inventory.InventoryImportResult;
import parc.orchestrator.inventory.InventoryImportService;

/**
 * Watches {@code parc.inventory.import-dir} (by default {@code <data>/import/inventory})
 * for {@code .ocs} and {@code .xml} files. A file is taken once its size has stopped
 * changing (it may still be copied in), imported, then moved to {@code done/}, or to
 * {@code failed/} next to a {@code .reason.txt} that says why.
 */
@Component
class InventoryImportRoutes extends RouteBuilder {

	static final String ROUTE_ID = "inventory-import-folder";

	private final InventoryImportService imports;

	InventoryImportRoutes(InventoryImportService imports) {
		this.imports = imports;
	}

	@Override
	public void configure() {
		// @formatter:off
		onException(Exception.class)
			.handled(false)
			.log(org.apache.camel.LoggingLevel.WARN, "Inventory file ${header.CamelFileName} failed: ${exception.message}");

		from("file:{{parc.inventory.import-dir}}?include=(?i).*\\.(ocs|xml)&move=done/${file:name}"
				+ "&moveFailed=failed/${file:name}&readLock=changed&readLockMinAge=1000&readLockCheckInterval=500"
				+ "&maxMessagesPerPoll=50&delay={{parc.inventory.import-poll-ms:2000}}")
			.routeId(ROUTE_ID)
			.process(this::importFile).id("inventory-import-file");
		// @formatter:on
	}

	private void importFile(Exchange exchange) throws Exception {
		String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
		byte[] content = exchange.getIn().getBody(byte[].class);
		InventoryImportResult result = this.imports.importFile(name, content, InventoryImportResult.Channel.FOLDER,
				null);
		if (result.status() == InventoryImportResult.Status.REJECTED) {
			Path failed = Path.of(exchange.getIn().getHeader(Exchange.FILE_PARENT, String.class), "failed");
			Files.createDirectories(failed);
			Files.writeString(failed.resolve(name + ".reason.txt"), result.reason() + "\n", StandardCharsets.UTF_8);
			// Failing the exchange is what moves the file to failed/.
			throw new RejectedInventoryFileException(name, result.reason());
		}
	}

	/** Marks a file the import refused, so Camel moves it to {@code failed/}. */
	static final class RejectedInventoryFileException extends Exception {

		RejectedInventoryFileException(String name, String reason) {
			super(name + ": " + reason);
		}

	}

}
