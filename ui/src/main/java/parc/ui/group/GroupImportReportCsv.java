package parc.ui.group;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import parc.orchestrator.group.GroupImportService;
import parc.ui.inventory.InventoryCsv;

/** A group import's report as CSV, values defused as in every export. */
final class GroupImportReportCsv {

	private GroupImportReportCsv() {
	}

	static void download(GroupImportService imports, long id, HttpServletResponse response) throws IOException {
		imports.get(id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"group-import-" + id + ".csv\"");
		try (CSVPrinter printer = new CSVPrinter(
				new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
			printer.printRecord("line", "value", "outcome", "machines", "reason");
			imports.eachLine(id, (line) -> {
				try {
					printer.printRecord(line.line(), InventoryCsv.safe(line.value()), line.outcome(), line.machines(),
							(line.reason() != null) ? line.reason() : "");
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
